package cn.yichang.edge.uplink.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The {@code uplink:} section of the site file. Without this configuration there is no uplink. The
 * defaults are also constants here, for tests that build a configuration by hand.
 */
@ObjectClassDefinition(
    name = "MQTT uplink",
    description = "The secured MQTT connection to the platform, in Eclipse Kura's format")
public @interface UplinkConfig {

  /** The configuration's PID: the uplink and the telemetry encoder both read it. */
  String PID = "cn.yichang.edge.uplink";

  String DEFAULT_PROTOCOL = "mqtt5";
  String DEFAULT_APP_ID = "sensors";
  int DEFAULT_IN_FLIGHT = 1000;
  int DEFAULT_KEEPALIVE_S = 30;
  long DEFAULT_RECONNECT_MIN_MS = 1000;
  long DEFAULT_RECONNECT_MAX_MS = 300_000;
  int DEFAULT_CONNECT_TIMEOUT_S = 30;

  @AttributeDefinition(description = "ssl://host:port, or tcp://host:port with allow.plaintext")
  String url();

  @AttributeDefinition(
      options = {
        @Option(label = "MQTT 5", value = "mqtt5"),
        @Option(label = "MQTT 3.1.1", value = "mqtt3"),
        @Option(label = "MQTT 5, or 3.1.1 when the broker refuses 5", value = "auto")
      })
  String protocol() default DEFAULT_PROTOCOL;

  @AttributeDefinition(required = false, description = "CA certificates (PEM) to trust the broker")
  String tls_ca() default "";

  @AttributeDefinition(required = false, description = "The gateway's certificate chain (PEM)")
  String tls_cert() default "";

  @AttributeDefinition(
      required = false,
      description = "The gateway's private key (PEM: PKCS#8, PKCS#1 or SEC1)")
  String tls_key() default "";

  @AttributeDefinition(required = false, description = "Key and certificate as PKCS#12")
  String tls_p12() default "";

  @AttributeDefinition(
      required = false,
      type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
      description = "Password of the PKCS#12 file or of an encrypted key")
  String tls_password() default "";

  @AttributeDefinition(description = "Accept a key file that others than the gateway can read")
  boolean tls_allow_loose_permissions() default false;

  @AttributeDefinition(description = "Accept a tcp:// url: no encryption, no authentication")
  boolean allow_plaintext() default false;

  @AttributeDefinition(description = "Kura account (the tenant of the platform)")
  String account();

  @AttributeDefinition(description = "Kura client id: the gateway id")
  String client_id();

  @AttributeDefinition(description = "Kura application id of the data topics")
  String app_id() default DEFAULT_APP_ID;

  @AttributeDefinition(min = "1", max = "65535", description = "QoS 1 messages awaiting PUBACK")
  int in_flight() default DEFAULT_IN_FLIGHT;

  @AttributeDefinition(min = "0", description = "MQTT keep-alive, in seconds")
  int keepalive_s() default DEFAULT_KEEPALIVE_S;

  @AttributeDefinition(min = "1", description = "Shortest wait before a reconnect, in ms")
  long reconnect_min_ms() default DEFAULT_RECONNECT_MIN_MS;

  @AttributeDefinition(min = "1", description = "Longest wait before a reconnect, in ms")
  long reconnect_max_ms() default DEFAULT_RECONNECT_MAX_MS;

  @AttributeDefinition(min = "1", description = "How long a connection attempt may take, in s")
  int connect_timeout_s() default DEFAULT_CONNECT_TIMEOUT_S;

  @AttributeDefinition(
      min = "0",
      description =
          "The largest MQTT packet the broker accepts, in bytes (its max_packet_size), for brokers"
              + " that do not announce it (MQTT 3.1.1); 0: only what an MQTT 5 broker announces")
  int max_message() default 0;
}
