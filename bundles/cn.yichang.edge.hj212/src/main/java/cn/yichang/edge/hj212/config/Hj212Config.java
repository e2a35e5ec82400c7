package cn.yichang.edge.hj212.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One environment platform of the site file's {@code hj212:} list: which readings it receives,
 * under which pollutant codes, and how often. A factory configuration, one per platform.
 */
@ObjectClassDefinition(
    name = "HJ 212 destination",
    description = "An HJ 212-2017 environment platform: real-time, minute, hourly and daily data")
public @interface Hj212Config {

  String PID = "cn.yichang.edge.hj212.destination";

  @AttributeDefinition(description = "Destination name: its queue in the buffer, unique")
  String id();

  @AttributeDefinition(description = "The platform: tcp://HOST:PORT, or tls://HOST:PORT")
  String url();

  @AttributeDefinition(description = "Whether a tcp:// (plaintext) url is allowed")
  boolean allow_plaintext() default false;

  @AttributeDefinition(
      description = "The station's MN (data collector id) as the platform issued it")
  String mn();

  @AttributeDefinition(
      type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
      description = "PW, the access password (the platform may change it: CN 1072)")
  String password();

  @AttributeDefinition(
      description = "ST, the system code: 21 surface water, 32 water pollution source")
  String st() default "21";

  @AttributeDefinition(
      min = "30",
      max = "3600",
      description = "Real-time data (CN 2011) interval, in s (the platform may change it: CN 1062)")
  long realtime_s() default 30;

  @AttributeDefinition(
      min = "1",
      max = "30",
      description =
          "Minute data (CN 2051) window, in minutes: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 (CN"
              + " 1064)")
  int minute_min() default 10;

  @AttributeDefinition(description = "Flag A: the platform acknowledges each upload (CN 9014)")
  boolean ack() default true;

  @AttributeDefinition(
      min = "1",
      max = "99",
      description = "OverTime: how long to wait for an acknowledgement, in s (CN 1000)")
  long timeout_s() default 10;

  @AttributeDefinition(
      min = "1",
      max = "99",
      description = "ReCount: how many times an unacknowledged upload is sent again (CN 1000)")
  int retries() default 3;

  @AttributeDefinition(description = "The devices whose coded points go to the platform")
  String[] devices() default {};

  @AttributeDefinition(
      description =
          "The pollutant codes, as DEVICE/POINT=CODE; only these points are sent to the platform")
  String[] codes() default {};

  @AttributeDefinition(
      required = false,
      description = "Devices (DEVICE) or points (DEVICE/POINT) in maintenance: their data flag M")
  String[] maintenance() default {};

  @AttributeDefinition(
      required = false,
      description = "Devices (DEVICE) or points (DEVICE/POINT) being calibrated: their data flag C")
  String[] calibration() default {};

  @AttributeDefinition(description = "The station's time zone: DataTime and the windows' clock")
  String time_zone() default "Asia/Shanghai";

  @AttributeDefinition(
      description =
          "Directory of the destination's archive (windows, aggregates for history, what the"
              + " platform set)")
  String state_dir();

  @AttributeDefinition(description = "The buffer queue of this destination (an LDAP filter)")
  String store_target();
}
