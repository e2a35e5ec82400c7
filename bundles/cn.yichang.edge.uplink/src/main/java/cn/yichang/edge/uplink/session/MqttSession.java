package cn.yichang.edge.uplink.session;

import java.time.Duration;

/**
 * One MQTT connection, made once and never reconnected by the client library: when it is lost the
 * uplink closes it and opens a new one. Implementations wrap Paho's asynchronous clients with
 * {@code MemoryPersistence} (the store is our persistence) and a clean start.
 */
public interface MqttSession {

  /**
   * Connects, registering the will of the options, waiting at most the connect timeout.
   *
   * @return what the server allows this connection (MQTT 5 Receive Maximum and Maximum Packet
   *     Size); {@link ServerLimits#NONE} when it sets no limit
   */
  ServerLimits connect() throws SessionException;

  /**
   * Hands one message to the client without waiting for the network; exactly one method of {@code
   * listener} is called later, on the client's callback thread (or before this returns, when it
   * throws nothing but the client has already failed).
   *
   * @throws SessionException when the client refuses the message at once (not connected, window
   *     full); the listener is not called then
   */
  void publish(String topic, byte[] payload, int qos, DeliveryListener listener)
      throws SessionException;

  /**
   * Subscribes to {@code topicFilter} and waits for the broker's answer; arrivals go to the
   * session's {@link SessionListener#messageArrived}.
   *
   * @throws SessionException when the broker refuses the subscription or does not answer within the
   *     connect deadline
   */
  void subscribe(String topicFilter, int qos) throws SessionException;

  /** Sends DISCONNECT after letting outstanding work finish for up to {@code quiesce}; bounded. */
  void disconnect(Duration quiesce);

  /** Releases the client's threads and socket, whatever state it is in; never throws. */
  void close();
}
