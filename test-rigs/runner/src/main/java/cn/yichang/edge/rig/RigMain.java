package cn.yichang.edge.rig;

import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code test-rigs/run RIG [--short] [--home DIR] [--work DIR]}: runs a rig and prints its report.
 * Exit 0 when nothing was lost, 1 when something was (or the gateway died), 2 for an invalid rig
 * file or arguments, 3 when the rig cannot be set up (socat, mosquitto or the distribution
 * missing).
 */
public final class RigMain {

  private RigMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    boolean shortMode = false;
    Path home = Path.of(System.getProperty("sanxia.home", "distrib/target/sanxia-edge"));
    Path rigs = Path.of(System.getProperty("sanxia.rigs", "test-rigs/rigs"));
    Path work = null;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--short" -> shortMode = true;
        case "--home" -> home = Path.of(value(args, ++i));
        case "--work" -> work = Path.of(value(args, ++i));
        case "-h", "--help" -> {
          return usage();
        }
        default -> {
          if (args[i].startsWith("-")) {
            System.err.println("run: unknown option " + args[i]);
            return usage();
          }
          positional.add(args[i]);
        }
      }
    }
    if (positional.size() != 1) {
      return usage();
    }
    Path file = rigFile(positional.get(0), rigs);
    String missing = missingTools(home);
    if (missing != null) {
      System.err.println("run: " + missing);
      return 3;
    }
    RigReader.Result read = RigReader.read(file, RigRunner.distributionProfiles(home));
    if (!read.ok()) {
      read.problems().stream().map(Problem::toString).forEach(System.err::println);
      return 2;
    }
    Rig rig = shortMode ? read.rig().shortened() : read.rig();
    try {
      Path dir = work != null ? work : Files.createTempDirectory("rig-" + rig.name() + "-");
      RigReport report = new RigRunner(home, dir).run(rig, shortMode);
      System.out.println();
      System.out.print(ReportText.of(report));
      return report.passed() ? 0 : 1;
    } catch (Exception e) {
      System.err.println("run: rig " + rig.name() + " could not run: " + e);
      e.printStackTrace();
      return 3;
    }
  }

  /** A path, or a name under {@code test-rigs/rigs/} with or without {@code .yaml}. */
  static Path rigFile(String name, Path rigs) {
    Path given = Path.of(name);
    if (Files.exists(given)) {
      return given;
    }
    Path named = rigs.resolve(name.endsWith(".yaml") ? name : name + ".yaml");
    return Files.exists(named) ? named : given;
  }

  /** What keeps a rig from running here, or null. */
  static String missingTools(Path home) {
    if (!SocatPtyPair.socatAvailable()) {
      return "socat is not installed (apt-get install socat)";
    }
    if (!MosquittoBroker.installed()) {
      return "mosquitto is not installed (apt-get install mosquitto)";
    }
    if (!Files.isExecutable(home.resolve("bin/sanxia-edge"))) {
      return "no distribution at " + home + " (mvn -B -q -o install -DskipTests builds it)";
    }
    return null;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static int usage() {
    System.err.println(
        "usage: test-rigs/run RIG [--short] [--home DISTRIBUTION] [--work DIR]\n"
            + "  RIG: a file, or a name under test-rigs/rigs/ (agriculture, outage, ...)\n"
            + "  --short: every scenario time times the rig's short factor (for CI)");
    return 2;
  }
}
