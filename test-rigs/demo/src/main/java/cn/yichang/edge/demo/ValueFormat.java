package cn.yichang.edge.demo;

import cn.yichang.edge.profile.Point;
import java.time.Duration;
import java.util.Locale;

/** How values and ages look on the demo's screen. */
final class ValueFormat {

  private ValueFormat() {}

  /**
   * A scaled value with the decimals its scale gives (0.1 → 1, 0.01 → 2), an unscaled floating
   * point value with 2, a value of an ascii-line or framed field (no Modbus point) to 9 significant
   * digits (a latitude needs 7 decimals), anything else as it is.
   */
  static String value(Object value, Point point) {
    if (value instanceof Double d && point == null && Double.isFinite(d)) {
      return java.math.BigDecimal.valueOf(d)
          .round(new java.math.MathContext(9))
          .stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof Double d) {
      int decimals = point != null && point.scaled() ? decimals(point.scale()) : 2;
      return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
    return String.valueOf(value);
  }

  static String age(Duration age) {
    long tenths = Math.max(0, age.toMillis()) / 100;
    return (tenths / 10) + "." + (tenths % 10) + " s";
  }

  private static int decimals(double scale) {
    int decimals = 0;
    double s = Math.abs(scale);
    while (decimals < 6 && Math.abs(s - Math.rint(s)) > 1e-9) {
      s *= 10;
      decimals++;
    }
    return decimals;
  }
}
