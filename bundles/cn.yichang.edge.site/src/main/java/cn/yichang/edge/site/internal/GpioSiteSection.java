package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.yaml.MappingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GPIO parts of a site file: the top-level {@code gpio:} section (provider, the mock's event
 * script) and a device's {@code gpio: {pin: 17, pull: up}}, with the checks that need the whole
 * file (a pin used twice) or the device's profile (a pull the profile needs).
 */
final class GpioSiteSection {

  /** BCM numbering of the 40-pin header of Raspberry Pi-class boards: GPIO 0..27. */
  static final int MAX_PIN = 27;

  static final Map<String, String> PROVIDERS = choices("auto", "mock", "gpiod", "linuxfs");
  static final Map<String, String> PULLS = choices("up", "down", "off");

  private final Map<Long, String> pinUsers = new HashMap<>();

  /** The {@code gpio:} section, absent when the file has none. */
  Optional<Site.Gpio> section(MappingReader root) {
    Path base = root.file().getParent() == null ? Path.of("") : root.file().getParent();
    return root.node("gpio")
        .flatMap(n -> MappingReader.of(root.file(), n, "gpio", root.problems()))
        .map(
            g -> {
              String provider = g.choice("provider", PROVIDERS).orElse("auto");
              Path script =
                  g.string("script")
                      .map(s -> base.resolve(s).toAbsolutePath().normalize())
                      .orElse(null);
              double scale = g.decimal("script-scale").orElse(1.0);
              g.finish();
              if (scale <= 0 || scale > 100) {
                g.problem("script-scale", "must be above 0 and at most 100");
              }
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
              Optional<Long> pin = g.requiredInteger("pin", 0, MAX_PIN);
              String pull = g.choice("pull", PULLS).orElse(null);
              g.finish();
              if (pin.isEmpty()) {
                return Optional.empty();
              }
              String other =
                  pinUsers.putIfAbsent(pin.get(), deviceId + " (line " + g.line("pin") + ")");
              if (other != null) {
                g.problem("pin", "GPIO " + pin.get() + " is already used by device " + other);
              }
              return Optional.of(new Site.GpioPin(pin.get().intValue(), pull));
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

  private static Map<String, String> choices(String... values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String v : values) {
      map.put(v, v);
    }
    return map;
  }
}
