package cn.yichang.edge.sim.broker;

/**
 * What a {@link MosquittoBroker} offers besides its TLS listener.
 *
 * @param plaintextListener also listen without TLS, anonymous allowed (for allow-plaintext tests)
 * @param keepSessionsAcrossRestarts turn mosquitto's persistence on (in the broker's temporary
 *     directory), so that a persistent session and the QoS 1 messages queued for it survive {@link
 *     MosquittoBroker#stop()} and {@link MosquittoBroker#start()}: a subscriber that has not yet
 *     reconnected after an outage then loses nothing published meanwhile
 */
public record BrokerOptions(boolean plaintextListener, boolean keepSessionsAcrossRestarts) {

  /** One TLS listener requiring client certificates; persistence off. */
  public static BrokerOptions tlsOnly() {
    return new BrokerOptions(false, false);
  }

  public BrokerOptions withPlaintextListener() {
    return new BrokerOptions(true, keepSessionsAcrossRestarts);
  }

  public BrokerOptions withSessionsKeptAcrossRestarts() {
    return new BrokerOptions(plaintextListener, true);
  }
}
