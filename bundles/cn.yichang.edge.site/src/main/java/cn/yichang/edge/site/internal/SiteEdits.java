package cn.yichang.edge.site.internal;

import cn.yichang.edge.report.PointDeadband;
import java.time.Duration;
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
      entry("buses", name, pid).ifPresent(bus -> bus(pid, name, bus, properties));
    } else if (factory != null && DeviceFactories.FACTORY_PID_BY_PROTOCOL.containsValue(factory)) {
      entry("devices", name, pid).ifPresent(d -> device(pid, name, d, properties));
    } else if (SiteConfigurations.STORE_PID.equals(pid)) {
      store(pid, properties);
    } else if (SiteConfigurations.UPLINK_PID.equals(pid)) {
      uplink(pid, properties);
    } else if (SiteConfigurations.TELEMETRY_PID.equals(pid)) {
      telemetry(pid, properties);
    } else if (SiteConfigurations.GATEWAY_PID.equals(pid)) {
      for (Map.Entry<String, Object> e : properties.entrySet()) {
        Object now = gatewayValue(e.getKey());
        if (!Objects.equals(now, e.getValue())) {
          problems.add(
              pid + ": " + e.getKey() + ": the gateway's identity is not changed remotely");
        }
      }
    } else {
      problems.add(pid + ": not a configuration of the site file; it cannot be changed remotely");
    }
  }

  private void bus(String pid, String id, Map<String, Object> bus, Map<String, Object> props) {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "id" -> same(pid, "id", id, v);
        case "port", "parity" -> bus.put(e.getKey(), v);
        case "baud" -> bus.put("baud", v);
        case "data.bits" -> bus.put("data-bits", v);
        case "stop.bits" -> bus.put("stop-bits", v);
        case "response.timeout.ms" -> bus.put("response-timeout", millis(pid, e.getKey(), v));
        default -> unknown(pid, e.getKey());
      }
    }
  }

  private void device(String pid, String id, Map<String, Object> d, Map<String, Object> props) {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "id" -> same(pid, "id", id, v);
        case "profile", "bus", "unit" -> d.put(e.getKey(), v);
        case "poll.ms" -> d.put("poll", millis(pid, e.getKey(), v));
        case "pin" -> section(d, "gpio").put("pin", v);
        case "pull" -> {
          // an empty pull is the profile's default: no key in the site file
          if (v == null || String.valueOf(v).isEmpty()) {
            section(d, "gpio").remove("pull");
          } else {
            section(d, "gpio").put("pull", v);
          }
        }
        case "bus.target" -> {
          // derived from bus; checked once bus is known
        }
        default -> unknown(pid, e.getKey());
      }
    }
    Object target = props.get("bus.target");
    if (target != null && !target.equals("(bus.id=" + d.get("bus") + ")")) {
      problems.add(pid + ": bus.target: follows bus; set bus instead");
    }
  }

  private void store(String pid, Map<String, Object> props) {
    Map<String, Object> s = section(tree, "store");
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "path" -> s.put("path", v);
        case "max.mb" -> s.put("max-mb", v);
        case "commit.interval.ms" -> s.put("commit-interval", millis(pid, e.getKey(), v));
        case "commit.max.messages" -> s.put("commit-max-messages", v);
        case "destinations" -> problems.add(pid + ": destinations: follows the site's platforms");
        default -> unknown(pid, e.getKey());
      }
    }
  }

  private void uplink(String pid, Map<String, Object> props) {
    Map<String, Object> u = section(tree, "uplink");
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = e.getValue();
      String key = e.getKey();
      switch (key) {
        case "url", "protocol" -> u.put(key, v);
        case "allow.plaintext" -> u.put("allow-plaintext", v);
        case "app.id" -> u.put("app-id", v);
        case "in.flight" -> u.put("in-flight", v);
        case "keepalive.s" -> u.put("keepalive", seconds(pid, key, v));
        case "reconnect.min.ms" -> u.put("reconnect-min", millis(pid, key, v));
        case "reconnect.max.ms" -> u.put("reconnect-max", millis(pid, key, v));
        case "max.message" -> {
          if (!Integer.valueOf(0).equals(v) && !"0".equals(String.valueOf(v))) {
            u.put("max-message", v);
          } else {
            u.remove("max-message");
          }
        }
        case "account", "client.id" -> {
          if (!Objects.equals(gatewayValue(key.equals("account") ? "account" : "id"), v)) {
            problems.add(
                pid + ": " + key + ": set by the gateway's identity, not changed remotely");
          }
        }
        case "tls.ca", "tls.cert", "tls.key", "tls.p12", "tls.password" -> {
          if (key.equals("tls.password") && PASSWORD_MASK.equals(v)) {
            continue;
          }
          Map<String, Object> tls = section(u, "tls");
          String name = key.substring(4);
          if (v == null || v.toString().isEmpty()) {
            tls.remove(name);
          } else {
            tls.put(name, v);
          }
        }
        case "tls.allow.loose.permissions" -> section(u, "tls").put("allow-loose-permissions", v);
        default -> unknown(pid, key);
      }
    }
  }

  /** {@code report:}, and each device's {@code report: {deadband:}} from its entries. */
  private void telemetry(String pid, Map<String, Object> props) {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = e.getValue();
      String key = e.getKey();
      switch (key) {
        case "report.mode" -> section(tree, "report").put("mode", v);
        case "report.heartbeat.s" -> {
          if (v instanceof Number n && n.longValue() == 0) {
            section(tree, "report").remove("heartbeat");
          } else {
            section(tree, "report").put("heartbeat", seconds(pid, key, v));
          }
        }
        case "report.deadband" -> deadbands(pid, v);
        case "app.id" -> {
          if (tree.get("uplink") instanceof Map<?, ?>) {
            section(tree, "uplink").put("app-id", v);
          } else {
            problems.add(pid + ": app.id: the uplink's app-id; the site file has no uplink:");
          }
        }
        case "account", "client.id" -> {
          if (!Objects.equals(gatewayValue(key.equals("account") ? "account" : "id"), v)) {
            problems.add(
                pid + ": " + key + ": set by the gateway's identity, not changed remotely");
          }
        }
        case "state.dir" -> problems.add(pid + ": state.dir: follows the state directory");
        default -> unknown(pid, key);
      }
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

  private Object gatewayValue(String key) {
    return tree.get("gateway") instanceof Map<?, ?> g ? g.get(key) : null;
  }

  private void same(String pid, String key, Object now, Object v) {
    if (!Objects.equals(String.valueOf(now), String.valueOf(v))) {
      problems.add(pid + ": " + key + ": cannot be changed (it names the configuration)");
    }
  }

  private void unknown(String pid, String key) {
    problems.add(pid + ": " + key + ": unknown property");
  }

  private Object millis(String pid, String key, Object v) {
    if (v instanceof Number n) {
      return n.longValue() + "ms";
    }
    problems.add(pid + ": " + key + ": expected a number of milliseconds, got " + v);
    return v;
  }

  private Object seconds(String pid, String key, Object v) {
    if (v instanceof Number n) {
      return Duration.ofSeconds(n.longValue()).toSeconds() + "s";
    }
    problems.add(pid + ": " + key + ": expected a number of seconds, got " + v);
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String key) {
    Object o = parent.get(key);
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }
}
