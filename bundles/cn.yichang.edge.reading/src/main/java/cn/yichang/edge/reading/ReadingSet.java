package cn.yichang.edge.reading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of one device yielded: one entry per point of its profile, in profile order.
 *
 * @param alarm whether the set reports an alarm (an SOS pressed, a door forced): the buffer sends
 *     it before any other reading and evicts it last
 */
public record ReadingSet(
    String deviceId, Instant timestamp, List<PointReading> points, boolean alarm) {

  public ReadingSet {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(timestamp, "timestamp");
    points = List.copyOf(points);
  }

  /** An ordinary reading set (telemetry). */
  public ReadingSet(String deviceId, Instant timestamp, List<PointReading> points) {
    this(deviceId, timestamp, points, false);
  }

  public boolean complete() {
    return points.stream().allMatch(PointReading::ok);
  }
}
