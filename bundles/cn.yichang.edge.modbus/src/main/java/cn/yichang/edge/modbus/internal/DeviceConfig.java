package cn.yichang.edge.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Modbus RTU device on a bus, as the site file's {@code devices:} entry becomes it. The site
 * provisioning also sets {@code bus.target=(bus.id=<bus>)} so that the right bus is bound.
 */
@ObjectClassDefinition(
    name = "Sanxia Edge Modbus RTU device",
    description = "A sensor read over Modbus RTU, described by a device profile.")
public @interface DeviceConfig {

  /** The configuration PID of the factory; one factory configuration per device. */
  String PID = "cn.yichang.edge.modbus.device";

  @AttributeDefinition(description = "Device id, unique on the gateway, e.g. soil-01")
  String id();

  @AttributeDefinition(description = "Profile id, its path under a profile dir, e.g. water/ph-orp")
  String profile();

  @AttributeDefinition(description = "Id of the bus the device is wired to, e.g. rs485-1")
  String bus();

  @AttributeDefinition(description = "Modbus unit (slave) address", min = "1", max = "247")
  int unit();

  @AttributeDefinition(description = "Poll interval in milliseconds", min = "1")
  long poll_ms() default 10_000L;
}
