package cn.yichang.edge.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as in the site file: {@code 250ms}, {@code 10s}, {@code 5m}, or {@code 800us}.
 */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(us|ms|s|m)");

  private Durations() {}

  static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a duration (like 5ms, 2s): " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> Duration.ofNanos(amount * 1000);
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }
}
