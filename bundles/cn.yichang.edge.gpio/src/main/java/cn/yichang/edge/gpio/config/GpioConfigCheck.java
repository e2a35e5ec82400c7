package cn.yichang.edge.gpio.config;

import cn.yichang.edge.gpio.internal.GpioStart;
import org.osgi.service.cm.ConfigurationException;

/**
 * The check the GPIO runtime's activation makes of its configuration, without opening a pin: the
 * provider this machine would use, and the mock's event script read as it will be played. A
 * configuration this accepts starts; one it refuses does not, for the same reason.
 */
public final class GpioConfigCheck {

  private GpioConfigCheck() {}

  /**
   * @throws ConfigurationException naming the key at fault ({@code script}) and why
   */
  public static void check(GpioConfig config) throws ConfigurationException {
    GpioStart.of(config);
  }
}
