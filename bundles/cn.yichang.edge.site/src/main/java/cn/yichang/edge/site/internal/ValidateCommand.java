package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.site.ConfigurationCheck;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.cm.ConfigurationException;

/**
 * {@code validate}, behind {@link cn.yichang.edge.site.SiteValidation}: checks a site file and
 * every profile it names, then has the components' own checks judge the configurations it becomes,
 * without starting anything.
 */
public final class ValidateCommand {

  static final int VALID = 0;
  static final int INVALID = 2;

  private static final Set<String> OPTIONS = Set.of("--config", "--profiles", "--state");

  private static final String USAGE =
      "usage: validate --config FILE [--profiles DIR] [--state DIR]";

  private ValidateCommand() {}

  /** The site file's own rules alone. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, ConfigurationCheck.NONE);
  }

  public static int run(String[] args, PrintStream out, PrintStream err, ConfigurationCheck check) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!OPTIONS.contains(name)) {
        err.println("validate: unexpected argument: " + a);
        err.println(USAGE);
        return INVALID;
      } else if (a.contains("=")) {
        options.put(name, a.substring(a.indexOf('=') + 1));
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        err.println("validate: unexpected argument: " + a);
        err.println(USAGE);
        return INVALID;
      }
    }
    String config = options.get("--config");
    String profiles = options.get("--profiles");
    // Where run keeps the buffer unless the site says otherwise; the store's check sees that path.
    Path state =
        Path.of(options.getOrDefault("--state", System.getProperty("user.home") + "/.sanxia-edge"));
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
    List<String> refusals =
        refusals(report, profiles == null ? null : Path.of(profiles), state, check);
    if (!refusals.isEmpty()) {
      refusals.forEach(out::println);
      return INVALID;
    }
    out.println(
        file
            + ": valid ("
            + site.buses().size()
            + " buses, "
            + site.devices().size()
            + " devices)");
    return VALID;
  }

  /**
   * Each configuration's refusal by its component's check, at the line of the site key the refused
   * property comes from.
   */
  private static List<String> refusals(
      SiteReport report, Path profiles, Path state, ConfigurationCheck check) {
    List<String> refusals = new ArrayList<>();
    for (SiteConfigurations.Desired d : SiteConfigurations.of(report.site(), profiles, state)) {
      try {
        check.check(d.factoryPid() == null ? d.name() : d.factoryPid(), d.properties());
      } catch (ConfigurationException e) {
        String field = d.field(e.getProperty() == null ? "" : e.getProperty());
        refusals.add(
            new Problem(report.site().file(), report.lines().line(field), field, e.getReason())
                .toString());
      } catch (RuntimeException e) {
        // a check that fails in itself: still one line at the section, never a stack trace
        String field = d.field("");
        refusals.add(
            new Problem(
                    report.site().file(),
                    report.lines().line(field),
                    field,
                    "cannot be checked: " + e)
                .toString());
      }
    }
    return refusals;
  }
}
