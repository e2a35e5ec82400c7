package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code validate --config FILE [--profiles DIR]}: checks a site file and every profile it names
 * without starting anything. Runs on a plain class path: this bundle's jar, the profile bundle's
 * jar and snakeyaml.
 *
 * <p>Exit 0 and {@code FILE: valid (N buses, M devices)} when valid; exit 2 and one line {@code
 * FILE:LINE: field: what is wrong} per problem on stdout otherwise. Warnings go to stderr.
 */
public final class ValidateCommand {

  static final int VALID = 0;
  static final int INVALID = 2;

  private static final String USAGE = "usage: validate --config FILE [--profiles DIR]";

  private ValidateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String config = null;
    String profiles = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--config") || a.equals("--profiles")) && i + 1 < args.length) {
        if (a.equals("--config")) {
          config = args[++i];
        } else {
          profiles = args[++i];
        }
      } else if (a.startsWith("--config=")) {
        config = a.substring("--config=".length());
      } else if (a.startsWith("--profiles=")) {
        profiles = a.substring("--profiles=".length());
      } else {
        err.println("validate: unexpected argument: " + a);
        err.println(USAGE);
        return INVALID;
      }
    }
    if (config == null) {
      err.println(USAGE);
      return INVALID;
    }
    Path file = Path.of(config);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      out.println(
          file
              + ": cannot read the site file: "
              + (Files.exists(file) ? "not a readable file" : "no such file"));
      return INVALID;
    }
    SiteReport report = SiteReader.read(file, profiles == null ? null : Path.of(profiles));
    for (Problem w : report.warnings()) {
      err.println(w.file() + ":" + w.line() + ": " + w.field() + ": warning: " + w.message());
    }
    if (!report.valid()) {
      report.errors().forEach(out::println);
      return INVALID;
    }
    Site site = report.site();
    out.println(
        file
            + ": valid ("
            + site.buses().size()
            + " buses, "
            + site.devices().size()
            + " devices)");
    return VALID;
  }
}
