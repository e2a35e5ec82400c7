package cn.yichang.edge.serialproto.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One ascii-line or framed device, as the site file's {@code devices:} entry becomes it. The site
 * provisioning also sets {@code bus.target=(bus.id=<bus>)} so that the right bus is bound.
 */
@ObjectClassDefinition(
    name = "Sanxia Edge serial device (ascii-line or framed)",
    description = "A sensor that answers polls or streams lines or frames, described by a profile")
public @interface SerialDeviceConfig {

  @AttributeDefinition(description = "Device id, unique on the gateway, e.g. gnss-01")
  String id();

  @AttributeDefinition(description = "Profile id, e.g. elderly-care/gnss-nmea")
  String profile();

  @AttributeDefinition(description = "Id of the bus (serial line) the device is wired to")
  String bus();

  @AttributeDefinition(
      description =
          "Poll interval in milliseconds; for a device that streams, the most often its latest"
              + " values are reported",
      min = "1")
  long poll_ms() default 10_000L;
}
