package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of the lints on one profile, locating each at its key's line. */
final class Findings {

  private final DeviceProfile profile;
  private final FieldLines lines;
  private final List<Finding> list = new ArrayList<>();

  Findings(DeviceProfile profile, FieldLines lines) {
    this.profile = profile;
    this.lines = lines;
  }

  /** A finding about {@code key} of the point, e.g. {@code points[3].unit}. */
  void add(Severity severity, Point point, String key, String message) {
    int index = profile.points().indexOf(point);
    String field = "points[" + index + "]." + key;
    list.add(
        new Finding(
            severity,
            new Problem(profile.source(), lines.line(field, point.line()), field, message)));
  }

  /** A finding at a line of the file, for what a protocol's spec declared. */
  void add(Severity severity, int line, String field, String message) {
    list.add(new Finding(severity, new Problem(profile.source(), line, field, message)));
  }

  List<Finding> inLineOrder() {
    return list.stream().sorted(Comparator.comparingInt(f -> f.problem().line())).toList();
  }
}
