package cn.yichang.edge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to deliver to the platform.
 *
 * @param payload the message body as it is to be sent, before the store's sequence number is added
 *     (for Kura payloads: the uncompressed protobuf, to which the uplink appends the {@code
 *     edge.seq} metric)
 * @param created when the data in it was acquired
 */
public record OutboundMessage(String topic, Priority priority, byte[] payload, Instant created) {

  public OutboundMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(created, "created");
  }
}
