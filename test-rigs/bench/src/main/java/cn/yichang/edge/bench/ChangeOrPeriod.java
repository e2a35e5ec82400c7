package cn.yichang.edge.bench;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "on change or every period" policy of ThingsBoard-style gateways, for comparison: a point is
 * sent whenever its raw value changed at all, and every period the last values of all points are
 * sent again, stamped with the time of sending (not of acquisition).
 */
final class ChangeOrPeriod {
  private final Duration period;
  private final Map<String, Map<String, PointReading>> last = new HashMap<>();
  private final Map<String, Instant> lastPeriod = new HashMap<>();

  ChangeOrPeriod(Duration period) {
    this.period = period;
  }

  /** What is sent for this poll: the changed points, then (when due) the periodic resend. */
  List<ReadingSet> filter(ReadingSet set) {
    Map<String, PointReading> known = last.computeIfAbsent(set.deviceId(), d -> new HashMap<>());
    List<PointReading> changed = new ArrayList<>();
    for (PointReading p : set.points()) {
      PointReading before = known.put(p.name(), p);
      if (before == null || !Objects.equals(before.value(), p.value())) {
        changed.add(p);
      }
    }
    List<ReadingSet> out = new ArrayList<>(2);
    if (!changed.isEmpty()) {
      out.add(new ReadingSet(set.deviceId(), set.timestamp(), changed));
    }
    Instant since = lastPeriod.putIfAbsent(set.deviceId(), set.timestamp());
    if (since != null && Duration.between(since, set.timestamp()).compareTo(period) >= 0) {
      lastPeriod.put(set.deviceId(), set.timestamp());
      out.add(new ReadingSet(set.deviceId(), set.timestamp(), List.copyOf(known.values())));
    }
    return out;
  }
}
