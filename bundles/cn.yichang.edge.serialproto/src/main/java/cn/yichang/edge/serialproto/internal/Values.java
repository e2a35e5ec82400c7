package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import java.math.BigDecimal;

/** Value = raw x scale + offset, as the Modbus decoder does it; range checked on the result. */
final class Values {
  private Values() {}

  /** An integer, exact unless scaled; scaled in decimal so that 312 x 0.1 reads 31.2. */
  static PointReading integer(
      String name, String unit, long raw, double scale, double offset, Double min, Double max) {
    if (scale == 1.0 && offset == 0.0) {
      return PointReading.of(name, raw, unit, !inRange(raw, min, max));
    }
    double v =
        BigDecimal.valueOf(raw)
            .multiply(BigDecimal.valueOf(scale))
            .add(BigDecimal.valueOf(offset))
            .doubleValue();
    return PointReading.of(name, v, unit, !inRange(v, min, max));
  }

  static PointReading decimal(
      String name, String unit, double raw, double scale, double offset, Double min, Double max) {
    if (!Double.isFinite(raw)) {
      return PointReading.failed(name, unit, "not a number");
    }
    double v = raw * scale + offset;
    return PointReading.of(name, v, unit, !inRange(v, min, max));
  }

  static boolean inRange(double v, Double min, Double max) {
    return (min == null || v >= min) && (max == null || v <= max);
  }
}
