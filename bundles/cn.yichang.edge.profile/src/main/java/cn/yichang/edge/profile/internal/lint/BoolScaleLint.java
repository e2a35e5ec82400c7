package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import java.util.Locale;

/**
 * A scale or offset on a bool or a string: the gateway ignores it (a flag is true or false, text is
 * text), so the profile says something that does not happen. An error.
 */
final class BoolScaleLint implements ProfileLint {

  @Override
  public void check(DeviceProfile profile, Findings findings) {
    for (Point p : profile.points()) {
      if (p.type() != PointType.BOOL && p.type() != PointType.STRING) {
        continue;
      }
      String type = p.type().name().toLowerCase(Locale.ROOT);
      String why = p.type() == PointType.BOOL ? "it is true or false" : "it is text";
      if (p.scale() != 1.0) {
        findings.add(Severity.ERROR, p, "scale", "a " + type + " cannot be scaled: " + why);
      }
      if (p.offset() != 0.0) {
        findings.add(Severity.ERROR, p, "offset", "a " + type + " takes no offset: " + why);
      }
    }
  }
}
