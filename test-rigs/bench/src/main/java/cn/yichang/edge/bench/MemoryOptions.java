package cn.yichang.edge.bench;

import cn.yichang.edge.sim.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the memory benchmark runs: buses and devices, the line, how long to warm up and measure, the
 * distribution to run and the JVM options to give it, and the aim.
 *
 * @param javaOpts what {@code SANXIA_JAVA_OPTS} is set to; null keeps the distribution's default
 *     (the one {@code bin/sanxia-edge} names)
 * @param nmt add {@code -XX:NativeMemoryTracking=summary} (to the default options) and print where
 *     the committed memory goes; NMT itself costs a little memory
 */
record MemoryOptions(
    int buses,
    int devicesPerBus,
    int baud,
    Timing timing,
    Duration poll,
    Duration warmup,
    Duration measure,
    Path home,
    String javaOpts,
    boolean nmt,
    boolean peer,
    double aimMb,
    Path workDir) {

  /** Used only when the distribution's launcher does not say its own default. */
  static final String DEFAULT_JAVA_OPTS = "-Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  private static final java.util.regex.Pattern LAUNCHER_DEFAULT =
      java.util.regex.Pattern.compile("\\$\\{SANXIA_JAVA_OPTS:-([^}]*)}");

  static final String USAGE =
      """
      usage: run-memory-bench [--seconds 60] [--warmup 20] [--buses 4] [--devices-per-bus 16]
                              [--baud 115200] [--timing wire|instant] [--poll-ms 1000]
                              [--home DIR] [--java-opts "..."] [--nmt] [--no-peer]
                              [--aim-mb 96] [--work-dir DIR]
        --seconds          measured duration, after the warm-up
        --warmup           seconds from starting the gateway to the start of measuring
        --timing           wire: the simulator answers as a real RS-485 device would at --baud;
                           instant: as fast as the pty carries it
        --home             the distribution (default: distrib/target/sanxia-edge of this tree)
        --java-opts        SANXIA_JAVA_OPTS for both gateways (default: the distribution's own)
        --nmt              also -XX:NativeMemoryTracking=summary, and print its summary
        --no-peer          do not run the idle distribution beside it
      """;

  MemoryOptions {
    if (buses < 1 || devicesPerBus < 1 || devicesPerBus > 247) {
      throw new IllegalArgumentException("buses >= 1 and devices per bus 1..247");
    }
    if (measure.isZero() || measure.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException("durations must be positive");
    }
  }

  int devices() {
    return buses * devicesPerBus;
  }

  /** SANXIA_JAVA_OPTS for the gateways, or null for the distribution's default. */
  String effectiveJavaOpts() {
    String base = javaOpts != null ? javaOpts : nmt ? launcherDefault(home) : null;
    return nmt ? base + " -XX:NativeMemoryTracking=summary" : base;
  }

  /**
   * The options {@code bin/sanxia-edge} uses when SANXIA_JAVA_OPTS is unset, so that a run with
   * {@code --nmt} measures the same JVM as one without; all but the native-heap trimming, which the
   * script adds only after probing the JVM for it.
   */
  static String launcherDefault(Path home) {
    try {
      java.util.regex.Matcher m =
          LAUNCHER_DEFAULT.matcher(Files.readString(home.resolve("bin/sanxia-edge")));
      return m.find() ? m.group(1).trim() : DEFAULT_JAVA_OPTS;
    } catch (java.io.IOException e) {
      return DEFAULT_JAVA_OPTS;
    }
  }

  static MemoryOptions parse(String... args) {
    int buses = 4;
    int perBus = 16;
    int baud = 115200;
    Timing timing = Timing.WIRE;
    Duration poll = Duration.ofSeconds(1);
    Duration warmup = Duration.ofSeconds(20);
    Duration measure = Duration.ofSeconds(60);
    Path home = null;
    String javaOpts = null;
    boolean nmt = false;
    boolean peer = true;
    double aim = 96;
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--nmt")) {
        nmt = true;
        continue;
      }
      if (option.equals("--no-peer")) {
        peer = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--seconds" -> measure = Duration.ofSeconds(Long.parseLong(value));
        case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
        case "--buses" -> buses = Integer.parseInt(value);
        case "--devices-per-bus" -> perBus = Integer.parseInt(value);
        case "--baud" -> baud = Integer.parseInt(value);
        case "--timing" -> timing = Timing.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        case "--poll-ms" -> poll = Duration.ofMillis(Long.parseLong(value));
        case "--home" -> home = Path.of(value);
        case "--java-opts" -> javaOpts = value;
        case "--aim-mb" -> aim = Double.parseDouble(value);
        case "--work-dir" -> work = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new MemoryOptions(
        buses,
        perBus,
        baud,
        timing,
        poll,
        warmup,
        measure,
        home != null ? home : findHome(),
        javaOpts,
        nmt,
        peer,
        aim,
        work);
  }

  /** {@code distrib/target/sanxia-edge} in the working directory or one of its parents. */
  static Path findHome() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("distrib/target/sanxia-edge");
      if (Files.isExecutable(candidate.resolve("bin/sanxia-edge"))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "no distrib/target/sanxia-edge above the working directory: build it (mvn -pl distrib -am"
            + " package) or pass --home DIR");
  }
}
