package cn.yichang.edge.uplink.session;

/** How one publish ended. Called on the MQTT client's callback thread: return quickly. */
public interface DeliveryListener {

  /** QoS 0: written to the socket; QoS 1: PUBACK with a success reason code. */
  void delivered();

  /** The broker answered with a failure reason code (MQTT 5, 0x80 and above). */
  void refused(int reasonCode, String reason);

  /** No answer: the connection was lost or the client gave up on the message. */
  void lost(String reason);
}
