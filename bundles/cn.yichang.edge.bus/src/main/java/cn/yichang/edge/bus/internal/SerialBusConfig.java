package cn.yichang.edge.bus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
    name = "Serial bus",
    description = "An RS-485 or RS-232 line and the scheduler that polls its devices")
public @interface SerialBusConfig {

  @AttributeDefinition(description = "Bus id, as devices name it in the site file")
  String id();

  @AttributeDefinition(description = "Serial device, e.g. /dev/ttyUSB0")
  String port();

  @AttributeDefinition(min = "300", max = "4000000")
  int baud() default 9600;

  @AttributeDefinition(
      options = {
        @Option(label = "none", value = "none"),
        @Option(label = "even", value = "even"),
        @Option(label = "odd", value = "odd")
      })
  String parity() default "none";

  @AttributeDefinition(min = "7", max = "8")
  int data_bits() default 8;

  @AttributeDefinition(min = "1", max = "2")
  int stop_bits() default 1;

  @AttributeDefinition(
      description = "How long a device may take to start answering after a request, in ms",
      min = "10",
      max = "10000")
  long response_timeout_ms() default 500;
}
