package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;
import java.util.List;

/**
 * The lints of {@code profiles validate}, run on a profile the reader accepted. Errors: registers
 * that overlap (except bools on different bits), a scale or offset on a bool or string, a unit that
 * is not UCUM. Warnings: a bit also read as part of a whole value, a unit on a bool, a suspicious
 * unit ({@code us/cm}), a min/max the type cannot reach. (A string without length and a min above
 * max are the reader's errors.) Only register points are linted: other protocols declare their
 * values in their own form.
 */
public final class ProfileLints {

  private static final List<ProfileLint> LINTS =
      List.of(new RegisterOverlapLint(), new BoolScaleLint(), new UnitLint(), new TypeRangeLint());

  private ProfileLints() {}

  /** Every finding, in line order, each at the line of the key it is about. */
  public static List<Finding> check(DeviceProfile profile) {
    Findings findings = new Findings(profile, FieldLines.of(profile.source()));
    for (ProfileLint lint : LINTS) {
      lint.check(profile, findings);
    }
    return findings.inLineOrder();
  }
}
