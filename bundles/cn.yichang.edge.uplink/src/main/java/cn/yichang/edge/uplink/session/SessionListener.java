package cn.yichang.edge.uplink.session;

/**
 * Told when an established connection ends without our asking, and of every message that arrives on
 * a subscription. Both run on the client's callback thread: return quickly, throw nothing.
 */
@FunctionalInterface
public interface SessionListener {

  void connectionLost(String reason);

  /** A message on one of the session's subscriptions; the default ignores it. */
  default void messageArrived(String topic, byte[] payload) {}
}
