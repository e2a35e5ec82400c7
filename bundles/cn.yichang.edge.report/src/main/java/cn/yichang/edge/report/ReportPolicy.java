package cn.yichang.edge.report;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one destination gets of one device's readings.
 *
 * @param mode every poll, or on change
 * @param heartbeat how often every point is sent even when nothing moved (so the platform tells a
 *     constant point from a dead one); {@code null} for never
 * @param deadbands per point name; a numeric point without one is sent on any change
 */
public record ReportPolicy(ReportMode mode, Duration heartbeat, Map<String, Deadband> deadbands) {
  /** Today's behaviour: every reading of every poll. */
  public static final ReportPolicy EVERY_POLL =
      new ReportPolicy(ReportMode.EVERY_POLL, null, Map.of());

  public ReportPolicy {
    Objects.requireNonNull(mode, "mode");
    if (heartbeat != null && (heartbeat.isNegative() || heartbeat.isZero())) {
      throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
    }
    deadbands = Map.copyOf(deadbands);
  }

  public Deadband deadband(String point) {
    return deadbands.getOrDefault(point, Deadband.ANY_CHANGE);
  }
}
