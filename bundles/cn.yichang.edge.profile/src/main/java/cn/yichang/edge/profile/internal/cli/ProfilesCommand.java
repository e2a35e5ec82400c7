package cn.yichang.edge.profile.internal.cli;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.internal.lint.Finding;
import cn.yichang.edge.profile.internal.lint.ProfileLints;
import cn.yichang.edge.profile.internal.lint.Severity;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code profiles list [DIR] | show ID [DIR] | validate [DIR]}: the profile library from the
 * command line, DIR defaulting to the distribution's {@code device-profiles/} (given by the script
 * as {@code --default-dir}). Runs on a plain class path: this bundle's jar and snakeyaml.
 *
 * <p>{@code validate} prints every reader problem and lint error as {@code FILE:LINE: field: what
 * is wrong} on stdout and every warning as {@code FILE:LINE: field: warning: ...} on stderr, then a
 * summary; exit 0 when there is no error, 2 otherwise. {@code list} and {@code show} exit 0, or 2
 * when the directory or profile cannot be read; a usage error exits 64.
 */
public final class ProfilesCommand {

  static final int OK = 0;
  static final int PROBLEMS = 2;
  static final int USAGE = 64;

  private static final String USAGE_TEXT =
      "usage: profiles list [DIR] | profiles show ID [DIR] | profiles validate [DIR]";

  private ProfilesCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = Arrays.asList(args);
    Path defaultDir = null;
    if (rest.size() >= 2 && rest.get(0).equals("--default-dir")) {
      defaultDir = Path.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String command = rest.get(0);
    List<String> operands = rest.subList(1, rest.size());
    int maxOperands = command.equals("show") ? 2 : 1;
    int minOperands = command.equals("show") ? 1 : 0;
    if (!List.of("list", "show", "validate").contains(command)
        || operands.size() < minOperands
        || operands.size() > maxOperands
        || operands.stream().anyMatch(o -> o.startsWith("-"))) {
      err.println("profiles: unexpected arguments: " + String.join(" ", rest));
      err.println(USAGE_TEXT);
      return USAGE;
    }
    Optional<String> dirArg =
        operands.size() > minOperands ? Optional.of(operands.get(minOperands)) : Optional.empty();
    if (dirArg.isEmpty() && defaultDir == null) {
      err.println("profiles: no profile directory given");
      err.println(USAGE_TEXT);
      return USAGE;
    }
    Path dir = dirArg.map(Path::of).orElse(defaultDir);
    if (!Files.isDirectory(dir)) {
      out.println(
          dir
              + ": not a profile directory: "
              + (Files.exists(dir) ? "not a directory" : "no such directory"));
      return PROBLEMS;
    }
    try {
      return switch (command) {
        case "list" -> list(dir, out, err);
        case "show" -> show(dir, operands.get(0), out);
        default -> validate(dir, out, err);
      };
    } catch (IOException e) {
      out.println(dir + ": cannot read: " + e);
      return PROBLEMS;
    }
  }

  private static int list(Path dir, PrintStream out, PrintStream err) throws IOException {
    List<ProfileLibrary.Entry> entries = ProfileLibrary.scan(dir);
    TextTable table = new TextTable("ID", "PROTOCOL", "MODEL", "POINTS");
    long invalid = 0;
    for (ProfileLibrary.Entry e : entries) {
      if (e.valid()) {
        table.row(
            e.id(), e.profile().protocol(), e.profile().model(), String.valueOf(e.pointCount()));
      } else {
        invalid++;
        table.row(e.id(), "-", "(invalid: " + e.problems().size() + " problems)", "-");
      }
    }
    table.print(out);
    if (invalid > 0) {
      err.println(invalid + " invalid; see: profiles validate " + dir);
    }
    return OK;
  }

  private static int show(Path dir, String id, PrintStream out) {
    if (!ProfileDirectories.isValidId(id)) {
      out.println("profiles: not a profile id: \"" + id + "\"");
      return PROBLEMS;
    }
    Optional<DeviceProfile> found;
    try {
      found = new ProfileDirectories(List.of(dir)).find(id);
    } catch (ProfileException e) {
      e.problems().forEach(out::println);
      return PROBLEMS;
    }
    if (found.isEmpty()) {
      out.println("profiles: no profile " + id + " under " + dir);
      return PROBLEMS;
    }
    DeviceProfile p = found.get();
    out.println(p.id() + ": " + p.manufacturer() + " " + p.model());
    out.println("file:       " + p.source());
    out.println("protocol:   " + p.protocol());
    if (p.spec() != null) {
      out.println("points:     " + String.join(", ", p.spec().pointNames()));
      return OK;
    }
    out.println("word order: " + lower(p.wordOrder()));
    out.println(
        "max-gap:    "
            + (p.maxGap() == DeviceProfile.UNLIMITED_GAP
                ? "unlimited"
                : p.maxGap() + " registers"));
    out.println("turnaround: " + p.turnaround().toMillis() + "ms");
    out.println();
    TextTable table = new TextTable("NAME", "REGISTER", "TYPE", "SCALE", "UNIT", "RANGE");
    for (Point point : p.points()) {
      table.row(
          point.name(),
          register(point),
          type(point),
          scale(point),
          point.unit() == null ? "" : point.unit(),
          range(point));
    }
    table.print(out);
    return OK;
  }

  private static int validate(Path dir, PrintStream out, PrintStream err) throws IOException {
    List<ProfileLibrary.Entry> entries = ProfileLibrary.scan(dir);
    int errors = 0;
    int warnings = 0;
    int invalidProfiles = 0;
    for (ProfileLibrary.Entry e : entries) {
      int before = errors;
      e.problems().forEach(out::println);
      errors += e.problems().size();
      if (e.valid()) {
        for (Finding f : ProfileLints.check(e.profile())) {
          if (f.severity() == Severity.ERROR) {
            out.println(f);
            errors++;
          } else {
            err.println(f);
            warnings++;
          }
        }
      }
      invalidProfiles += errors > before ? 1 : 0;
    }
    String warned = warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
    if (errors > 0) {
      out.println(
          dir
              + ": "
              + errors
              + " problem"
              + (errors == 1 ? "" : "s")
              + " in "
              + invalidProfiles
              + " of "
              + entries.size()
              + " profiles"
              + warned);
      return PROBLEMS;
    }
    out.println(dir + ": " + entries.size() + " profiles valid" + warned);
    return OK;
  }

  private static String register(Point p) {
    String table = lower(p.table());
    if (p.table().bits()) {
      return table + " " + p.address();
    }
    String at =
        p.span() == 1
            ? String.valueOf(p.address())
            : p.address() + "-" + (p.address() + p.span() - 1);
    return table + " " + at + (p.bit() >= 0 ? " bit " + p.bit() : "");
  }

  private static String type(Point p) {
    String type = lower(p.type());
    if (p.type() == PointType.STRING) {
      return type + " (" + 2 * p.length() + " chars)";
    }
    boolean words = !p.table().bits() && p.span() > 1;
    return words ? type + " " + lower(p.wordOrder()) : type;
  }

  private static String scale(Point p) {
    if (!p.scaled()) {
      return "";
    }
    String scale = p.scale() == 1.0 ? "" : "x" + number(p.scale());
    String offset =
        p.offset() == 0.0 ? "" : (p.offset() > 0 ? " +" : " -") + number(Math.abs(p.offset()));
    return (scale + offset).strip();
  }

  private static String range(Point p) {
    if (p.min() == null && p.max() == null) {
      return "";
    }
    return (p.min() == null ? "" : number(p.min()))
        + ".."
        + (p.max() == null ? "" : number(p.max()));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
