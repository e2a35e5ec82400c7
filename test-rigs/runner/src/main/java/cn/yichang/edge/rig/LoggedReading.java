package cn.yichang.edge.rig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code reading DEVICE at TIME: ...} line of the gateway's log: a reading set the gateway
 * acquired and handed to its buffer.
 *
 * @param acquiredAt the acquisition time, to the millisecond (as Kura payloads carry it)
 * @param failedPoints whether some point failed (timeout, CRC error, ...)
 * @param run which gateway process logged it (1 for the first, 2 after a restart, ...)
 * @param alarm whether the gateway logged it as an alarm ({@code alarm reading ...}), which it
 *     sends before every other reading
 */
public record LoggedReading(
    String device, Instant acquiredAt, boolean failedPoints, int run, boolean alarm) {

  public LoggedReading(String device, Instant acquiredAt, boolean failedPoints, int run) {
    this(device, acquiredAt, failedPoints, run, false);
  }

  private static final Pattern LINE = Pattern.compile(" reading (\\S+) at (\\S+): (.*)$");
  // "name: reason" (a failed point) as opposed to "name=value unit"
  private static final Pattern FAILED_POINT = Pattern.compile("(?:^|, )[\\w.-]+: ");

  public static Optional<LoggedReading> parse(String line, int run) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = Instant.parse(m.group(2)).truncatedTo(ChronoUnit.MILLIS);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    boolean failed = FAILED_POINT.matcher(m.group(3)).find();
    boolean alarm = line.substring(0, m.start()).endsWith(" alarm");
    return Optional.of(new LoggedReading(m.group(1), at, failed, run, alarm));
  }
}
