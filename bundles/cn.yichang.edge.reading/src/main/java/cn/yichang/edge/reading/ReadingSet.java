package cn.yichang.edge.reading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one poll of one device yielded: one entry per point of its profile, in profile order. */
public record ReadingSet(String deviceId, Instant timestamp, List<PointReading> points) {

  public ReadingSet {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(timestamp, "timestamp");
    points = List.copyOf(points);
  }

  public boolean complete() {
    return points.stream().allMatch(PointReading::ok);
  }
}
