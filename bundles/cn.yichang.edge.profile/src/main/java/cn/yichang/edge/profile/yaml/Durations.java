package cn.yichang.edge.profile.yaml;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in site files and profiles: {@code 250ms}, {@code 10s}, {@code 5m}, {@code
 * 1h}.
 */
public final class Durations {

  /** Shown to the user when a duration cannot be read. */
  public static final String FORMAT =
      "a whole number followed by ms, s, m or h (250ms, 10s, 5m, 1h)";

  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException with a message fit for the user when {@code text} is not a
   *     duration
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration: expected " + FORMAT);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The shortest exact spelling of {@code d} in the syntax {@link #parse} reads. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
