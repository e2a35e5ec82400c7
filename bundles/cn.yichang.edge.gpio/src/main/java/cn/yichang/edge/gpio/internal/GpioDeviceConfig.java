package cn.yichang.edge.gpio.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One GPIO device, as the site file's {@code devices:} entry with {@code gpio:} becomes it. */
@ObjectClassDefinition(
    name = "Sanxia Edge GPIO device",
    description = "A sensor wired to a GPIO pin, described by a protocol: gpio profile.")
public @interface GpioDeviceConfig {

  String PID = "cn.yichang.edge.gpio.device";

  @AttributeDefinition(description = "Device id, unique on the gateway, e.g. bay-07")
  String id();

  @AttributeDefinition(description = "Profile id, e.g. parking/bay-occupancy")
  String profile();

  @AttributeDefinition(description = "The pin's number (BCM / GPIO line offset)", min = "0")
  int pin();

  @AttributeDefinition(description = "up, down or off; empty: the profile's default")
  String pull() default "";

  @AttributeDefinition(description = "Poll interval in milliseconds", min = "1")
  long poll_ms() default 10_000L;
}
