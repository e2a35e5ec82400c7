package cn.yichang.edge.gpio.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The board's GPIO: which Pi4J provider reads the pins, as the site file's {@code gpio:} says. */
@ObjectClassDefinition(
    name = "Sanxia Edge GPIO",
    description = "The Pi4J provider of the GPIO pins, and where pulse counts are kept.")
public @interface GpioConfig {

  String PID = "cn.yichang.edge.gpio";

  @AttributeDefinition(
      description =
          "mock, gpiod or linuxfs; auto: gpiod when /dev/gpiochip0 exists, else mock (simulated"
              + " pins, with a warning)")
  String provider() default "auto";

  @AttributeDefinition(
      description = "For the mock provider: an event script to play from the start, or empty")
  String script() default "";

  @AttributeDefinition(
      description =
          "Multiplies every time of the script (at, for, every; not the 1 ms bounces): 0.5 plays"
              + " it twice as fast")
  double script_scale() default 1.0;

  @AttributeDefinition(description = "Directory of the pulse counts; empty: sanxia.state")
  String state_dir() default "";

  @AttributeDefinition(
      description = "How often changed pulse counts are written (and fsync'ed)",
      min = "10")
  long counter_flush_ms() default 1000L;
}
