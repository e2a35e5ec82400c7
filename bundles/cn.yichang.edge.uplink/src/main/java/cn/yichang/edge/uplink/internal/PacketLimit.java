package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.session.ServerLimits;
import java.nio.charset.StandardCharsets;

/**
 * The largest MQTT packet one connection may send: the Maximum Packet Size the broker announced in
 * CONNACK (MQTT 5), or {@code max.message} for a broker that announces nothing (MQTT 3.1.1),
 * whichever is smaller. A broker drops the connection on a larger packet, so nothing larger is ever
 * handed to the client. Sizes are counted as for MQTT 5 (a PUBLISH with an empty property list),
 * one byte more than 3.1.1 needs.
 *
 * @param maxPacket bytes, fixed header included
 */
record PacketLimit(long maxPacket) {

  static final PacketLimit NONE = new PacketLimit(ServerLimits.MQTT_MAXIMUM_PACKET_SIZE);

  /**
   * @param configured {@code max.message}; 0 for none
   */
  static PacketLimit of(ServerLimits server, long configured) {
    long limit = server.maximumPacketSize();
    if (configured > 0) {
      limit = Math.min(limit, configured);
    }
    return new PacketLimit(limit);
  }

  /** Whether a QoS 1 PUBLISH of {@code payloadBytes} on {@code topic} is within the limit. */
  boolean fits(String topic, int payloadBytes) {
    return payloadBytes <= maxPayload(topic);
  }

  /**
   * The most payload a QoS 1 PUBLISH on {@code topic} may carry (a QoS 0 one has two bytes more
   * room); negative when the topic alone is too long.
   */
  int maxPayload(String topic) {
    if (!limited()) {
      return Integer.MAX_VALUE; // every publish asks: no need to encode the topic
    }
    // fixed header byte + remaining length (1-4 bytes) + topic + packet id + properties length
    long headers = 2L + topic.getBytes(StandardCharsets.UTF_8).length + 2 + 1;
    long room = maxPacket - 1 - headers;
    for (int lengthBytes = 1; lengthBytes <= 4; lengthBytes++) {
      long payload = room - lengthBytes;
      if (headers + payload < 1L << (7 * lengthBytes)) {
        return (int) Math.min(Integer.MAX_VALUE, payload);
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, room - 4);
  }

  boolean limited() {
    return maxPacket < ServerLimits.MQTT_MAXIMUM_PACKET_SIZE;
  }

  @Override
  public String toString() {
    return maxPacket + " bytes";
  }
}
