package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A min or max that the point's type cannot reach after scaling (a uint16 x 0.1 with max 10000
 * holds at most 6553.5; an unsigned type with a negative min): a warning, usually a wrong scale or
 * type. (A min above max is the reader's error.)
 */
final class TypeRangeLint implements ProfileLint {

  @Override
  public void check(DeviceProfile profile, Findings findings) {
    for (Point p : profile.points()) {
      double[] range = range(p);
      if (range == null) {
        continue;
      }
      String holds = "a " + describe(p) + " holds " + format(range[0]) + ".." + format(range[1]);
      if (p.max() != null && p.max() > range[1]) {
        findings.add(
            Severity.WARNING, p, "max", "max " + format(p.max()) + " cannot be reached: " + holds);
      }
      if (p.min() != null && p.min() < range[0]) {
        findings.add(
            Severity.WARNING, p, "min", "min " + format(p.min()) + " cannot be reached: " + holds);
      }
    }
  }

  /** The lowest and highest engineering values of the type, or null for floats, bools, text. */
  private static double[] range(Point p) {
    long lo;
    long hi;
    switch (p.type()) {
      case INT16 -> {
        lo = Short.MIN_VALUE;
        hi = Short.MAX_VALUE;
      }
      case UINT16 -> {
        lo = 0;
        hi = 0xFFFF;
      }
      case INT32 -> {
        lo = Integer.MIN_VALUE;
        hi = Integer.MAX_VALUE;
      }
      case UINT32 -> {
        lo = 0;
        hi = 0xFFFF_FFFFL;
      }
      default -> {
        return null;
      }
    }
    double a = scaled(p, lo);
    double b = scaled(p, hi);
    return new double[] {Math.min(a, b), Math.max(a, b)};
  }

  private static double scaled(Point p, long raw) {
    return BigDecimal.valueOf(raw)
        .multiply(BigDecimal.valueOf(p.scale()))
        .add(BigDecimal.valueOf(p.offset()))
        .doubleValue();
  }

  private static String describe(Point p) {
    String type = p.type().name().toLowerCase(Locale.ROOT);
    String scale = p.scale() == 1.0 ? "" : " x " + format(p.scale());
    String offset =
        p.offset() == 0.0 ? "" : (p.offset() > 0 ? " + " : " - ") + format(Math.abs(p.offset()));
    return type + scale + offset;
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
