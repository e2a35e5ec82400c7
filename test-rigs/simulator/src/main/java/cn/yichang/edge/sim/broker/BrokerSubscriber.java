package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A test client (Paho MQTT 5, async) that subscribes to a topic filter over TLS with its own client
 * certificate, host-name verification on, and keeps every message it receives.
 *
 * <p>It holds a persistent session (clean start off, one hour expiry) and reconnects by itself
 * after a broker outage, subscribing again; with {@link
 * BrokerOptions#withSessionsKeptAcrossRestarts()} the broker also keeps what was published for it
 * while it was away.
 */
public final class BrokerSubscriber implements AutoCloseable {

  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(10);
  private static final int QOS = 1;

  private final MqttAsyncClient client;
  private final String topicFilter;
  private final List<ReceivedMessage> received = new ArrayList<>();
  private volatile Throwable lastError;
  private int subscriptions; // guarded by received

  private BrokerSubscriber(MqttAsyncClient client, String topicFilter) {
    this.client = client;
    this.topicFilter = topicFilter;
  }

  /**
   * Subscribes to {@code topicFilter} on the TLS listener of {@code broker} as the PKI's
   * subscriber.
   */
  public static BrokerSubscriber connect(MosquittoBroker broker, PkiFiles pki, String topicFilter)
      throws IOException, MqttException {
    return connect(broker.tlsUrl(), pki.caCert(), pki.subscriber(), topicFilter);
  }

  /**
   * Connects and subscribes (QoS 1), waiting for both.
   *
   * @throws MqttException if the broker refuses the connection or the subscription; the TLS
   *     failure, if any, is in its cause chain
   */
  public static BrokerSubscriber connect(
      String serverUri, Path caCert, Credentials identity, String topicFilter)
      throws IOException, MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(
            serverUri, "test-subscriber-" + UUID.randomUUID(), new MemoryPersistence());
    BrokerSubscriber subscriber = new BrokerSubscriber(client, topicFilter);
    client.setCallback(subscriber.new Callback());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(ClientTls.socketFactory(caCert, identity));
    options.setHttpsHostnameVerificationEnabled(true);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    options.setConnectionTimeout((int) OPERATION_TIMEOUT.toSeconds());
    try {
      client.connect(options).waitForCompletion(OPERATION_TIMEOUT.toMillis());
      subscriber.subscribe();
    } catch (MqttException e) {
      subscriber.close();
      throw e;
    }
    return subscriber;
  }

  private void subscribe() throws MqttException {
    IMqttToken token = client.subscribe(topicFilter, QOS);
    token.waitForCompletion(OPERATION_TIMEOUT.toMillis());
    int[] codes = token.getReasonCodes();
    if (codes == null || codes.length == 0 || codes[0] > 2) {
      throw new MqttException(codes == null || codes.length == 0 ? 0x80 : codes[0]);
    }
    synchronized (received) {
      subscriptions++;
      received.notifyAll();
    }
  }

  /**
   * Waits until the subscription has been made {@code times} times: once at connect, once more
   * after each reconnect. After a broker restart, {@code awaitSubscribed(2, ...)} returns once the
   * subscriber is back.
   */
  public void awaitSubscribed(int times, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (subscriptions < times) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "subscribed "
                  + subscriptions
                  + " times, not "
                  + times
                  + ", within "
                  + timeout
                  + (lastError == null ? "" : "; last client error: " + lastError));
        }
        received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** A copy of everything received so far, in arrival order. */
  public List<ReceivedMessage> messages() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * Waits until at least {@code count} messages have arrived and returns them all; fails with what
   * did arrive if the deadline passes first.
   */
  public List<ReceivedMessage> awaitCount(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected "
                  + count
                  + " messages on "
                  + topicFilter
                  + " within "
                  + timeout
                  + ", got "
                  + received.size()
                  + (lastError == null ? "" : "; last client error: " + lastError));
        }
        received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return List.copyOf(received);
    }
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(OPERATION_TIMEOUT.toMillis());
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left to release
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      ReceivedMessage copy =
          new ReceivedMessage(topic, message.getPayload().clone(), message.getQos(), Instant.now());
      synchronized (received) {
        received.add(copy);
        received.notifyAll();
      }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        // The broker may have lost the session (persistence off): subscribe again, off Paho's
        // callback thread, which must not block on a token.
        Thread resubscribe =
            new Thread(
                () -> {
                  try {
                    subscribe();
                  } catch (MqttException e) {
                    lastError = e;
                  }
                },
                "resubscribe-" + topicFilter);
        resubscribe.setDaemon(true);
        resubscribe.start();
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      lastError = response.getException();
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      lastError = exception;
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
