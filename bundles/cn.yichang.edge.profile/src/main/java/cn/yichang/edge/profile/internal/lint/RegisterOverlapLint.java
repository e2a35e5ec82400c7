package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import java.util.List;
import java.util.Locale;

/**
 * Two points that read the same register (or coil) as different values: an error, almost always a
 * copied line whose address was not changed. Bools on different bits of one register are how status
 * words are mapped and are fine; the same bit twice is an error; a bit of a register that another
 * point also reads whole (a status word as a number and as flags) is a warning.
 */
final class RegisterOverlapLint implements ProfileLint {

  @Override
  public void check(DeviceProfile profile, Findings findings) {
    List<Point> points = profile.points();
    for (int i = 0; i < points.size(); i++) {
      Point later = points.get(i);
      for (int j = 0; j < i; j++) {
        Point earlier = points.get(j);
        if (earlier.table() == later.table() && overlap(earlier, later)) {
          report(findings, j, earlier, later);
        }
      }
    }
  }

  private static boolean overlap(Point a, Point b) {
    return a.address() < b.address() + b.span() && b.address() < a.address() + a.span();
  }

  private static void report(Findings findings, int index, Point earlier, Point later) {
    String table = later.table().name().toLowerCase(Locale.ROOT);
    String other = "points[" + index + "] " + earlier.name() + " (line " + earlier.line() + ")";
    if (later.table().bits()) {
      findings.add(
          Severity.ERROR,
          later,
          "address",
          table + " " + later.address() + " is also read by " + other);
    } else if (bit(earlier) && bit(later)) {
      if (earlier.bit() == later.bit()) {
        findings.add(
            Severity.ERROR,
            later,
            "bit",
            "bit "
                + later.bit()
                + " of "
                + table
                + " register "
                + later.address()
                + " is also read by "
                + other);
      }
    } else if (bit(earlier) || bit(later)) {
      Point flag = bit(later) ? later : earlier;
      findings.add(
          Severity.WARNING,
          later,
          "address",
          "bit "
              + flag.bit()
              + " of "
              + table
              + " register "
              + flag.address()
              + " is read both as a flag and as part of a whole value (with "
              + other
              + ")");
    } else {
      findings.add(
          Severity.ERROR,
          later,
          "address",
          table + " " + registers(later) + " overlap " + registers(earlier) + " of " + other);
    }
  }

  private static boolean bit(Point p) {
    return p.type() == PointType.BOOL && p.bit() >= 0;
  }

  private static String registers(Point p) {
    return p.span() == 1
        ? "register " + p.address()
        : "registers " + p.address() + ".." + (p.address() + p.span() - 1);
  }
}
