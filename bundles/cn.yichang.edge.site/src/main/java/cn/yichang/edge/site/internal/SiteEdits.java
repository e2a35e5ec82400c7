package cn.yichang.edge.site.internal;

import cn.yichang.edge.report.PointDeadband;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes changed ConfigAdmin properties back into a site file's tree (the inverse of {@link
 * SiteConfigurations}): {@code poll.ms} of {@code cn.yichang.edge.modbus.device~soil-01} becomes
 * {@code poll: 2000ms} of the device {@code soil-01}. Validation is the site reader's job; this
 * only refuses what a site file cannot say.
 */
final class SiteEdits {

  /** What GET shows for a password, and what, sent back unchanged, leaves it as it is. */
  static final String PASSWORD_MASK = "********";

  private final Map<String, Object> tree;
  private final List<String> problems;

  SiteEdits(Map<String, Object> tree, List<String> problems) {
    this.tree = tree;
    this.problems = problems;
  }

  void apply(String pid, Map<String, Object> properties) {
    int tilde = pid.indexOf('~');
    String factory = tilde < 0 ? null : pid.substring(0, tilde);
    String name = tilde < 0 ? null : pid.substring(tilde + 1);
    if (SiteConfigurations.BUS_FACTORY_PID.equals(factory)) {
      entry("buses", name, pid)
          .ifPresent(bus -> SiteSchema.Bus.KEYS.edit(pid, tree, bus, properties, problems));
    } else if (factory != null && DeviceFactories.FACTORY_PID_BY_PROTOCOL.containsValue(factory)) {
      entry("devices", name, pid)
          .ifPresent(d -> SiteSchema.Device.KEYS.edit(pid, tree, d, properties, problems));
    } else if (SiteConfigurations.STORE_PID.equals(pid)) {
      SiteSchema.Store.KEYS.edit(pid, tree, section(tree, "store"), properties, problems);
    } else if (SiteConfigurations.UPLINK_PID.equals(pid)) {
      SiteSchema.Uplink.KEYS.edit(pid, tree, section(tree, "uplink"), properties, problems);
    } else if (SiteConfigurations.GPIO_PID.equals(pid)) {
      SiteSchema.Gpio.KEYS.edit(pid, tree, section(tree, "gpio"), properties, problems);
    } else if (SiteConfigurations.TELEMETRY_PID.equals(pid)) {
      telemetry(pid, properties);
    } else if (SiteConfigurations.GATEWAY_PID.equals(pid)) {
      properties.forEach(
          (key, value) -> {
            Object now = tree.get("gateway") instanceof Map<?, ?> g ? g.get(key) : null;
            if (!Objects.equals(now, value)) {
              problems.add(pid + ": " + key + ": the gateway's identity is not changed remotely");
            }
          });
    } else if (SiteConfigurations.COMMAND_PID.equals(pid)) {
      // what the platform may run is the installer's word, given on site: never widened from afar
      problems.add(pid + ": the commands the platform may run are set in the site file on site");
    } else {
      problems.add(pid + ": not a configuration of the site file; it cannot be changed remotely");
    }
  }

  /** {@code report:}, and each device's {@code report: {deadband:}} from its entries. */
  private void telemetry(String pid, Map<String, Object> props) {
    Map<String, Object> report = new LinkedHashMap<>(props);
    if (report.containsKey("report.deadband")) {
      deadbands(pid, report.remove("report.deadband"));
    }
    if (report.containsKey("app.id")) {
      Object appId = report.remove("app.id");
      if (tree.get("uplink") instanceof Map<?, ?>) {
        SiteSchema.Uplink.KEYS.edit(
            pid, tree, section(tree, "uplink"), Map.of("app.id", appId), problems);
      } else {
        problems.add(pid + ": app.id: the uplink's app-id; the site file has no uplink:");
      }
    }
    if (!report.isEmpty()) {
      SiteSchema.Report.KEYS.edit(pid, tree, section(tree, "report"), report, problems);
    }
  }

  /**
   * Every device's bands, as {@code DEVICE/POINT=BAND} entries: written to the devices named, and
   * removed from those that have none any more (the profile's defaults then apply again).
   */
  private void deadbands(String pid, Object value) {
    List<String> entries =
        value == null ? List.of() : texts(value).stream().filter(t -> !t.isEmpty()).toList();
    Map<String, Map<String, Object>> byDevice = new LinkedHashMap<>();
    for (String entry : entries) {
      try {
        PointDeadband b = PointDeadband.parse(entry);
        byDevice.computeIfAbsent(b.device(), d -> new LinkedHashMap<>()).put(b.point(), b.band());
      } catch (IllegalArgumentException e) {
        problems.add(pid + ": report.deadband: " + e.getMessage());
      }
    }
    List<?> devices = tree.get("devices") instanceof List<?> l ? l : List.of();
    for (Object o : devices) {
      if (o instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> device = (Map<String, Object>) m;
        Map<String, Object> bands = byDevice.remove(String.valueOf(device.get("id")));
        if (bands != null) {
          section(device, "report").put("deadband", bands);
        } else if (device.get("report") instanceof Map<?, ?> report) {
          report.remove("deadband");
          if (report.isEmpty()) {
            device.remove("report");
          }
        }
      }
    }
    byDevice
        .keySet()
        .forEach(id -> problems.add(pid + ": report.deadband: no device \"" + id + "\""));
  }

  /**
   * A configuration value as texts: an array or a list (as ConfigAdmin or the platform's JSON gives
   * a multi-valued property) as its elements', anything else as its one text.
   */
  static List<String> texts(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(String::valueOf).toList();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  private java.util.Optional<Map<String, Object>> entry(String list, String id, String pid) {
    if (tree.get(list) instanceof List<?> entries) {
      for (Object o : entries) {
        if (o instanceof Map<?, ?> m && id.equals(String.valueOf(m.get("id")))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> entry = (Map<String, Object>) m;
          return java.util.Optional.of(entry);
        }
      }
    }
    problems.add(pid + ": no such configuration (the site file has no " + id + " in " + list + ")");
    return java.util.Optional.empty();
  }

  private static Map<String, Object> section(Map<String, Object> parent, String key) {
    return SectionKeys.mapping(parent, key);
  }
}
