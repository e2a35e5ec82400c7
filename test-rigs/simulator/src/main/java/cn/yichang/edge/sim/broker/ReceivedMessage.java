package cn.yichang.edge.sim.broker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One message as a {@link BrokerSubscriber} received it.
 *
 * @param topic the topic it was published on
 * @param payload its bytes (the array is the subscriber's own copy; do not change it)
 * @param qos the QoS it was delivered with
 * @param receivedAt when the subscriber's callback saw it
 */
public record ReceivedMessage(String topic, byte[] payload, int qos, Instant receivedAt) {

  public String payloadAsUtf8() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
