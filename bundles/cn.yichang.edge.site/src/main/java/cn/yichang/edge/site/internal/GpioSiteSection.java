package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.yaml.MappingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GPIO parts of a site file: the top-level {@code gpio:} section (provider, the mock's event
 * script) and a device's {@code gpio: {pin: 17, pull: up}}, with the checks that need the whole
 * file (a pin used twice) or the device's profile (a pull the profile needs).
 */
final class GpioSiteSection {

  private final Map<Integer, String> pinUsers = new HashMap<>();

  /** The {@code gpio:} section, absent when the file has none. */
  Optional<Site.Gpio> section(MappingReader root) {
    return root.node("gpio")
        .flatMap(n -> MappingReader.of(root.file(), n, "gpio", root.problems()))
        .map(
            g -> {
              String provider = SiteSchema.Gpio.PROVIDER.value(g);
              Path script = SiteSchema.Gpio.SCRIPT.value(g);
              double scale = SiteSchema.Gpio.SCRIPT_SCALE.value(g);
              g.finish();
              if (script != null && !Files.isRegularFile(script)) {
                g.problem("script", "no such file: " + script);
              }
              if (script != null && !provider.equals("mock")) {
                g.problem(
                    "script",
                    "an event script is played by the mock provider only: say provider: mock");
              }
              return new Site.Gpio(provider, script, scale);
            });
  }

  /** A device's {@code gpio:} mapping. */
  Optional<Site.GpioPin> pin(MappingReader device, String deviceId) {
    return device
        .node("gpio")
        .flatMap(n -> MappingReader.of(device.file(), n, device.field("gpio"), device.problems()))
        .flatMap(
            g -> {
              Optional<Integer> pin = SiteSchema.Pin.PIN.read(g);
              String pull = SiteSchema.Pin.PULL.value(g);
              g.finish();
              if (pin.isEmpty()) {
                return Optional.empty();
              }
              String other =
                  pinUsers.putIfAbsent(pin.get(), deviceId + " (line " + g.line("pin") + ")");
              if (other != null) {
                g.problem("pin", "GPIO " + pin.get() + " is already used by device " + other);
              }
              return Optional.of(new Site.GpioPin(pin.get(), pull));
            });
  }

  /** The site's pull, or why the profile cannot do without one; null when all is well. */
  static String pullProblem(Site.GpioPin pin, GpioSpec spec) {
    if (pin.pull() == null && spec.pullRequired()) {
      return "missing: the profile needs the site to say how the pin is pulled (up, down or"
          + " off for an external resistor)";
    }
    return null;
  }
}
