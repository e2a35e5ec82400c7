package cn.yichang.edge.sim.serial;

import cn.yichang.edge.sim.profile.ValueModel;
import cn.yichang.edge.sim.profile.ValueModels;
import java.time.Duration;
import java.util.Locale;

/** A value model for a field of a non-Modbus profile, chosen from its name and range. */
final class FieldModel {
  private FieldModel() {}

  static ValueModel of(String name, boolean bool, Double min, Double max, long seed) {
    String n = name.toLowerCase(Locale.ROOT);
    if (bool) {
      if (n.contains("fall") || n.contains("alarm") || n.contains("fault")) {
        return ValueModels.dwell(
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(10),
            Duration.ofMinutes(60),
            seed);
      }
      return ValueModels.dwell(
          Duration.ofMinutes(5),
          Duration.ofMinutes(40),
          Duration.ofMinutes(1),
          Duration.ofMinutes(10),
          seed);
    }
    if (min == null && max == null && (n.endsWith("s") || n.contains("count"))) {
      return ValueModels.trend(0, 2, 0, 1e6, seed); // a counter
    }
    double lo = min != null ? min : 0;
    double hi = max != null ? max : lo + 100;
    return ValueModels.walk(
        lo, hi, lo + (hi - lo) * 0.4, (hi - lo) * 0.002, Duration.ofMinutes(10), seed);
  }
}
