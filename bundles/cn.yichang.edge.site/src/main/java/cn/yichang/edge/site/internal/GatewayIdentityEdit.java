package cn.yichang.edge.site.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets {@code gateway.id} and {@code gateway.account} in a site file's text, changing only those
 * values: every other line, comment and the layout stay as they are. Understands the two ways site
 * files write the section: flow ({@code gateway: {id: a, account: b}}) and block ({@code gateway:}
 * then indented {@code id:} and {@code account:} lines). A file without the section gets one, as
 * its first line after the leading comments.
 */
final class GatewayIdentityEdit {

  private static final Pattern GATEWAY = Pattern.compile("^gateway:(\\s*)(.*)$");
  private static final Pattern CHILD =
      Pattern.compile("^(\\s+)([A-Za-z-]+):(\\s*)([^#]*?)(\\s*#.*)?$");

  private GatewayIdentityEdit() {}

  static String apply(String text, String id, String account) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = GATEWAY.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String rest = m.group(2);
      if (rest.startsWith("{")) {
        lines.set(i, "gateway:" + m.group(1) + flow(rest, id, account));
      } else {
        block(lines, i, id, account);
      }
      return String.join("\n", lines);
    }
    int at = 0;
    while (at < lines.size() && lines.get(at).startsWith("#")) {
      at++;
    }
    lines.add(at, "gateway: {id: " + id + ", account: " + account + "}");
    return String.join("\n", lines);
  }

  /** {@code {id: a, account: b, ...} # comment} with the two values replaced or added. */
  private static String flow(String rest, String id, String account) {
    int close = rest.indexOf('}');
    if (close < 0) {
      throw new IllegalArgumentException(
          "the gateway section spans several lines in flow style; write it as one line");
    }
    String body = rest.substring(1, close);
    String tail = rest.substring(close);
    body = setFlow(body, "id", id);
    body = setFlow(body, "account", account);
    return "{" + body + tail;
  }

  private static String setFlow(String body, String key, String value) {
    Pattern p = Pattern.compile("(^|,)(\\s*)" + key + ":(\\s*)[^,]*?(\\s*)(?=,|$)");
    Matcher m = p.matcher(body);
    if (m.find()) {
      return body.substring(0, m.start())
          + m.group(1)
          + m.group(2)
          + key
          + ":"
          + (m.group(3).isEmpty() ? " " : m.group(3))
          + value
          + m.group(4)
          + body.substring(m.end());
    }
    String trimmed = body.strip();
    return trimmed.isEmpty()
        ? key + ": " + value
        : body.stripTrailing() + ", " + key + ": " + value;
  }

  private static void block(List<String> lines, int header, String id, String account) {
    boolean idSet = false;
    boolean accountSet = false;
    String indent = "  ";
    int end = header + 1;
    for (int i = header + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher m = CHILD.matcher(line);
      if (!Character.isWhitespace(line.charAt(0)) || !m.matches()) {
        break;
      }
      indent = m.group(1);
      end = i + 1;
      String key = m.group(2);
      if (key.equals("id") || key.equals("account")) {
        String value = key.equals("id") ? id : account;
        String comment = m.group(5) == null ? "" : m.group(5);
        lines.set(
            i,
            m.group(1) + key + ":" + (m.group(3).isEmpty() ? " " : m.group(3)) + value + comment);
        idSet |= key.equals("id");
        accountSet |= key.equals("account");
      }
    }
    if (!accountSet) {
      lines.add(end, indent + "account: " + account);
    }
    if (!idSet) {
      lines.add(header + 1, indent + "id: " + id);
    }
  }
}
