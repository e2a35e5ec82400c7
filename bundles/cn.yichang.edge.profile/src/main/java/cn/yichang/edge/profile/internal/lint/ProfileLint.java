package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.DeviceProfile;

/**
 * A check of a profile that the reader accepted: things that parse but are almost certainly wrong.
 */
interface ProfileLint {

  void check(DeviceProfile profile, Findings findings);
}
