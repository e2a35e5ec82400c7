package cn.yichang.edge.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code bin/sanxia-edge demo [--seconds N] [--plain]}; the start script adds {@code --home}.
 *
 * @param duration how long to run before stopping by itself; empty: until Ctrl-C or SIGTERM
 * @param plain lines instead of a screen redrawn with ANSI sequences
 */
record DemoOptions(Path home, Optional<Duration> duration, boolean plain) {

  static final String USAGE =
      """
      usage: sanxia-edge demo [--seconds N] [--plain]
        runs the gateway on simulated devices with an embedded broker and shows what reaches
        the platform; Ctrl-C stops everything
        --seconds N  stop after N seconds (exit 0 if every device's readings arrived)
        --plain      plain lines instead of a screen redrawn in place""";

  /** Thrown for a command line that cannot be run. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static DemoOptions parse(String... args) throws UsageException {
    Path home = null;
    Optional<Duration> duration = Optional.empty();
    boolean plain = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(value(args, ++i, "--home"));
        case "--seconds" -> duration = Optional.of(Duration.ofSeconds(seconds(args, ++i)));
        case "--plain" -> plain = true;
        default -> throw new UsageException("unknown argument: " + args[i]);
      }
    }
    if (home == null) {
      throw new UsageException("--home is missing (run it as bin/sanxia-edge demo)");
    }
    return new DemoOptions(home, duration, plain);
  }

  private static long seconds(String[] args, int i) throws UsageException {
    String text = value(args, i, "--seconds");
    try {
      long n = Long.parseLong(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("--seconds wants a whole number of seconds above 0: " + text);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " wants a value");
    }
    return args[i];
  }
}
