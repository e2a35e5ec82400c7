package cn.yichang.edge.kura.telemetry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The way out to the Kura platform up to its queue: which readings are worth sending ({@code
 * report:} of the site file, and each device's {@code report:}), encoded as Kura data, into the
 * destination's queue of the buffer. It exists with the buffer, with or without an {@code uplink:}:
 * readings are kept for a platform that does not exist yet.
 */
@ObjectClassDefinition(
    name = "Kura telemetry",
    description = "Reporting and Kura encoding of readings, into the Kura destination's queue")
public @interface KuraTelemetryConfig {

  String PID = "cn.yichang.edge.kura.telemetry";

  @AttributeDefinition(description = "Kura account (the tenant of the platform)")
  String account();

  @AttributeDefinition(description = "Kura client id: the gateway id")
  String client_id();

  @AttributeDefinition(description = "Kura application id of the data topics")
  String app_id() default "sensors";

  @AttributeDefinition(
      options = {
        @Option(label = "Every reading of every poll", value = "every-poll"),
        @Option(label = "Changes beyond the deadbands, and the heartbeat", value = "on-change")
      })
  String report_mode() default "every-poll";

  @AttributeDefinition(
      min = "0",
      description = "Under on-change, every point is sent at least this often, in s; 0: never")
  long report_heartbeat_s() default 0;

  @AttributeDefinition(
      required = false,
      description =
          "Deadbands as DEVICE/POINT=BAND, BAND an amount in the point's unit (0.05) or a"
              + " percentage of the value last sent (2%); a point without one: any change")
  String[] report_deadband() default {};

  @AttributeDefinition(
      required = false,
      description =
          "Directory of the reporting state (what was last sent), kept across restarts; empty:"
              + " not kept")
  String state_dir() default "";
}
