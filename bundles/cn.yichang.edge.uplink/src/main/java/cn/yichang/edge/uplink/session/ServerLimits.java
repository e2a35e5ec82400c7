package cn.yichang.edge.uplink.session;

/**
 * What the server allows this connection, from its CONNACK (MQTT 5); an MQTT 3.1.1 server announces
 * nothing.
 *
 * @param receiveMaximum QoS 1 publishes it lets this client have in flight
 * @param maximumPacketSize the largest packet it accepts, in bytes, fixed header included
 */
public record ServerLimits(int receiveMaximum, long maximumPacketSize) {

  /** MQTT's own ceiling: a remaining length of at most 268,435,455 bytes. */
  public static final long MQTT_MAXIMUM_PACKET_SIZE = 268_435_460L;

  /** No limit announced. */
  public static final ServerLimits NONE =
      new ServerLimits(Integer.MAX_VALUE, MQTT_MAXIMUM_PACKET_SIZE);

  /** From CONNACK's properties; an absent or zero value means no limit. */
  public static ServerLimits of(Integer receiveMaximum, Long maximumPacketSize) {
    return new ServerLimits(
        receiveMaximum == null || receiveMaximum <= 0 ? Integer.MAX_VALUE : receiveMaximum,
        maximumPacketSize == null || maximumPacketSize <= 0
            ? MQTT_MAXIMUM_PACKET_SIZE
            : Math.min(maximumPacketSize, MQTT_MAXIMUM_PACKET_SIZE));
  }
}
