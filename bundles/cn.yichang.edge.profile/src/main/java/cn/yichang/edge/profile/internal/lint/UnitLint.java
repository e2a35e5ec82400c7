package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.ProtocolSpec;

/**
 * Units must be UCUM codes ({@link Ucum}), which is what the platform reads: an unknown unit is an
 * error; a valid code that is almost always a misspelling ({@code us/cm}) is a warning; a unit on a
 * bool or a string is a warning.
 */
final class UnitLint implements ProfileLint {

  @Override
  public void check(DeviceProfile profile, Findings findings) {
    for (Point p : profile.points()) {
      if (p.unit() == null) {
        continue;
      }
      Ucum.problem(p.unit()).ifPresent(m -> findings.add(Severity.ERROR, p, "unit", m));
      Ucum.suspicious(p.unit()).ifPresent(m -> findings.add(Severity.WARNING, p, "unit", m));
      if (p.type() == PointType.BOOL || p.type() == PointType.STRING) {
        findings.add(
            Severity.WARNING,
            p,
            "unit",
            "a " + p.type().name().toLowerCase(java.util.Locale.ROOT) + " has no unit");
      }
    }
    if (profile.spec() != null) {
      for (ProtocolSpec.UnitUse u : profile.spec().units()) {
        String field = u.point() + ".unit";
        Ucum.problem(u.unit()).ifPresent(m -> findings.add(Severity.ERROR, u.line(), field, m));
        Ucum.suspicious(u.unit())
            .ifPresent(m -> findings.add(Severity.WARNING, u.line(), field, m));
      }
    }
  }
}
