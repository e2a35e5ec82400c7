package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.config.GpioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.cm.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the GPIO runtime's activation checks and reads before it opens the pins: the provider, and
 * the mock's event script. One place, so that {@code validate} ({@link
 * cn.yichang.edge.gpio.config.GpioConfigCheck}) refuses exactly what the runtime would; nothing
 * here touches Pi4J, so it runs on a plain class path.
 *
 * @param provider mock, gpiod or linuxfs: {@code auto} resolved on this machine
 * @param script null when there is none
 */
public record GpioStart(String provider, EventScript script) {
  private static final Logger LOG = LoggerFactory.getLogger(GpioStart.class);

  static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");

  /**
   * @throws ConfigurationException naming the configuration key at fault and why
   */
  public static GpioStart of(GpioConfig config) throws ConfigurationException {
    String provider = provider(config.provider());
    try {
      return new GpioStart(
          provider,
          script(
              provider,
              config.script().isBlank() ? null : Path.of(config.script()),
              config.script_scale()));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("script", e.getMessage());
    }
  }

  /**
   * The mock's event script, read; null when there is none.
   *
   * @throws IllegalArgumentException for a script given to another provider than the mock, or a
   *     script with problems ({@code FILE:LINE: field: message})
   */
  static EventScript script(String chosenProvider, Path script, double scale) {
    if (script == null) {
      return null;
    }
    if (!chosenProvider.equals("mock")) {
      throw new IllegalArgumentException(
          "gpio.script is played by the mock provider only (provider is " + chosenProvider + ")");
    }
    return EventScript.read(script, scale);
  }

  /** {@code auto}: the character device of a real GPIO chip if there is one, else the mock. */
  static String provider(String configured) {
    if (!configured.equals("auto")) {
      return configured;
    }
    if (Files.exists(GPIO_CHIP)) {
      return "gpiod";
    }
    LOG.warn("GPIO: no {} on this machine: the pins are simulated (mock provider)", GPIO_CHIP);
    return "mock";
  }
}
