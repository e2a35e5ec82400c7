package cn.yichang.edge.site.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Which component reads a device: the factory PID of its configuration, by the protocol of its
 * profile. A new protocol adds one row here (and its name to the profile reader's protocols).
 */
final class DeviceFactories {

  static final Map<String, String> FACTORY_PID_BY_PROTOCOL =
      Map.of(
          "modbus-rtu", "cn.yichang.edge.modbus.device",
          "ascii-line", "cn.yichang.edge.serialproto.ascii",
          "framed", "cn.yichang.edge.serialproto.framed",
          "gpio", "cn.yichang.edge.gpio.device");

  /** The protocol of devices wired to a pin (with {@code gpio:}) instead of a bus. */
  static final String GPIO = "gpio";

  private DeviceFactories() {}

  static Optional<String> factoryPid(String protocol) {
    return Optional.ofNullable(FACTORY_PID_BY_PROTOCOL.get(protocol));
  }
}
