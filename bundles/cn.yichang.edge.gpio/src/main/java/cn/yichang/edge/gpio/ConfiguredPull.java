package cn.yichang.edge.gpio;

import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Pull;
import java.util.Locale;

/**
 * The pull a site's device asks for, else its profile's. Public for {@code commission}, which opens
 * the pins itself on a plain class path.
 */
public final class ConfiguredPull {
  private ConfiguredPull() {}

  /**
   * @param id the device, for the messages
   * @param configured the site's {@code pull}; null or blank for the profile's
   * @throws IllegalArgumentException for a pull that is not up, down or off, or none where the
   *     profile requires the site to name it
   */
  public static Pull of(String id, String configured, GpioSpec spec) {
    if (configured == null || configured.isBlank()) {
      if (spec.pullRequired()) {
        throw new IllegalArgumentException(
            id + ": the profile needs the site to name the pin's pull (up, down or off)");
      }
      return spec.pull();
    }
    try {
      return Pull.valueOf(configured.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          id + ": pull \"" + configured + "\" is not up, down or off", e);
    }
  }
}
