package cn.yichang.edge.rig;

import cn.yichang.edge.sim.broker.ClientTls;
import cn.yichang.edge.sim.broker.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * The platform's subscriber: one client id for the whole run with a persistent session, so that the
 * broker (persistence on) queues what is published while it is away, and a watchdog that connects
 * it again twice a second whenever it is down. Paho's own automatic reconnect was seen to stay away
 * for tens of seconds after a broker restart, which made the platform, not the gateway, look slow.
 */
final class PlatformSubscriber implements AutoCloseable {

  private static final long TIMEOUT_MS = 5_000;

  /** A message as received. */
  record Received(String topic, byte[] payload, Instant receivedAt) {}

  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final String filter;
  private final List<Received> received = new ArrayList<>();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "platform-subscriber");
            t.setDaemon(true);
            return t;
          });

  private PlatformSubscriber(MqttAsyncClient client, MqttConnectionOptions options, String filter) {
    this.client = client;
    this.options = options;
    this.filter = filter;
  }

  static PlatformSubscriber connect(String url, Path caCert, Credentials identity, String filter)
      throws IOException, MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(url, "rig-platform-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(ClientTls.socketFactory(caCert, identity));
    options.setHttpsHostnameVerificationEnabled(true);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    PlatformSubscriber subscriber = new PlatformSubscriber(client, options, filter);
    client.setCallback(subscriber.new Callback());
    subscriber.connectAndSubscribe();
    subscriber.watchdog.scheduleWithFixedDelay(
        subscriber::keepConnected, 500, 500, TimeUnit.MILLISECONDS);
    return subscriber;
  }

  private synchronized void connectAndSubscribe() throws MqttException {
    client.connect(options).waitForCompletion(TIMEOUT_MS);
    IMqttToken token = client.subscribe(filter, 1);
    token.waitForCompletion(TIMEOUT_MS);
    int[] codes = token.getReasonCodes();
    if (codes == null || codes.length == 0 || codes[0] > 2) {
      throw new MqttException(codes == null || codes.length == 0 ? 0x80 : codes[0]);
    }
  }

  private void keepConnected() {
    if (!client.isConnected()) {
      try {
        connectAndSubscribe();
      } catch (MqttException | RuntimeException e) {
        // the broker is down: next round
      }
    }
  }

  List<Received> messages() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(TIMEOUT_MS);
      }
      client.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      Received copy = new Received(topic, message.getPayload().clone(), Instant.now());
      synchronized (received) {
        received.add(copy);
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
