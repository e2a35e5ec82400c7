package cn.yichang.edge.profile.yaml;

import java.util.HexFormat;

/**
 * Control characters in profile text: {@code \r}, {@code \n}, {@code \t}, {@code \\} and {@code
 * \xHH}, whether YAML already resolved them (double quotes) or left them for us (single quotes,
 * plain text). One char per byte.
 */
final class Escapes {
  private Escapes() {}

  /**
   * @throws IllegalArgumentException naming the bad escape
   */
  static String resolve(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        throw new IllegalArgumentException("'" + c + "' is not a single byte: use \\xHH");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= text.length()) {
        throw new IllegalArgumentException("a lone \\ at the end");
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case '\\' -> out.append('\\');
        case 'x' -> {
          String hex = text.substring(i + 1, Math.min(i + 3, text.length()));
          if (hex.length() != 2
              || !HexFormat.isHexDigit(hex.charAt(0))
              || !HexFormat.isHexDigit(hex.charAt(1))) {
            throw new IllegalArgumentException("\\x needs two hex digits");
          }
          out.append((char) HexFormat.fromHexDigits(hex));
          i += 2;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown escape \\" + e + " (known: \\r \\n \\t \\\\ \\xHH)");
      }
    }
    return out.toString();
  }

  /** Hex bytes as profiles write them: {@code "53 59"} (spaces optional between pairs). */
  static byte[] hexBytes(String text) {
    String compact = text.replace(" ", "").replace(",", "");
    if (compact.length() % 2 != 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not hex bytes: expected pairs of hex digits, e.g. \"53 59\"");
    }
    try {
      return HexFormat.of().parseHex(compact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not hex bytes: expected pairs of hex digits, e.g. \"53 59\"");
    }
  }
}
