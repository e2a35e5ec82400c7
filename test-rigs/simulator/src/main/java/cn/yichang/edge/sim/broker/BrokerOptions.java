package cn.yichang.edge.sim.broker;

/**
 * What a {@link MosquittoBroker} offers besides its TLS listener.
 *
 * @param plaintextListener also listen without TLS, anonymous allowed (for allow-plaintext tests)
 * @param keepSessionsAcrossRestarts turn mosquitto's persistence on (in the broker's temporary
 *     directory), so that a persistent session and the QoS 1 messages queued for it survive {@link
 *     MosquittoBroker#stop()} and {@link MosquittoBroker#start()}: a subscriber that has not yet
 *     reconnected after an outage then loses nothing published meanwhile
 * @param maxInflightMessages mosquitto's {@code max_inflight_messages}, which MQTT 5 clients also
 *     get as the broker's Receive Maximum (default 20, too few to measure a large window); 0 for
 *     mosquitto's default
 * @param maxPacketSize mosquitto's {@code max_packet_size}: a client sending a larger packet is
 *     disconnected (MQTT 5 clients learn it from CONNACK); 0 for no limit
 */
public record BrokerOptions(
    boolean plaintextListener,
    boolean keepSessionsAcrossRestarts,
    int maxInflightMessages,
    int maxPacketSize) {

  /** One TLS listener requiring client certificates; persistence off. */
  public static BrokerOptions tlsOnly() {
    return new BrokerOptions(false, false, 0, 0);
  }

  public BrokerOptions withPlaintextListener() {
    return new BrokerOptions(true, keepSessionsAcrossRestarts, maxInflightMessages, maxPacketSize);
  }

  public BrokerOptions withSessionsKeptAcrossRestarts() {
    return new BrokerOptions(plaintextListener, true, maxInflightMessages, maxPacketSize);
  }

  public BrokerOptions withMaxInflightMessages(int messages) {
    return new BrokerOptions(
        plaintextListener, keepSessionsAcrossRestarts, messages, maxPacketSize);
  }

  public BrokerOptions withMaxPacketSize(int bytes) {
    return new BrokerOptions(
        plaintextListener, keepSessionsAcrossRestarts, maxInflightMessages, bytes);
  }
}
