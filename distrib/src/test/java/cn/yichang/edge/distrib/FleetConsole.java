package cn.yichang.edge.distrib;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.broker.ClientTls;
import cn.yichang.edge.sim.broker.Credentials;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * A test "fleet console", as a Kura cloud would be: its own client certificate, requests to {@code
 * $EDC/<account>/<gateway>/<APP>/<METHOD>/<resource>} with {@code request.id} and {@code
 * requester.client.id}, replies taken from {@code $EDC/<account>/<console>/+/REPLY/#}.
 */
final class FleetConsole implements AutoCloseable {
  static final String CLIENT_ID = "fleet-console";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final MqttAsyncClient client;
  private final String account;
  private final String gateway;
  private final Map<String, KuraPayload> replies = new ConcurrentHashMap<>();
  private final List<String> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();

  FleetConsole(MosquittoBroker broker, PkiFiles pki, String account, String gateway)
      throws Exception {
    this.account = account;
    this.gateway = gateway;
    Credentials identity = TestPki.issueClient(pki, CLIENT_ID);
    client = new MqttAsyncClient(broker.tlsUrl(), CLIENT_ID, new MemoryPersistence());
    client.setCallback(new Callback());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setSocketFactory(ClientTls.socketFactory(pki.caCert(), identity));
    o.setHttpsHostnameVerificationEnabled(true);
    o.setCleanStart(true);
    client.connect(o).waitForCompletion(TIMEOUT.toMillis());
    IMqttToken sub = client.subscribe("$EDC/" + account + "/" + CLIENT_ID + "/+/REPLY/#", 1);
    sub.waitForCompletion(TIMEOUT.toMillis());
    client
        .subscribe("$EDC/" + account + "/" + CLIENT_ID + "/+/NOTIFY/#", 1)
        .waitForCompletion(TIMEOUT.toMillis());
  }

  /** Every NOTIFY received: its topic's last level (the type), then each metric as name=value. */
  List<String> notifications() {
    return List.copyOf(notifications);
  }

  /** A request topic of the gateway: {@code $EDC/<account>/<gateway>/<app>/<method>/<resource>}. */
  String topic(String app, String method, String resource) {
    return "$EDC/"
        + account
        + "/"
        + gateway
        + "/"
        + app
        + "/"
        + method
        + (resource.isEmpty() ? "" : "/" + resource);
  }

  /** The encoded request: {@code request.id}, {@code requester.client.id}, more metrics, body. */
  static byte[] request(String requestId, List<KuraMetric> more, byte[] body) {
    List<KuraMetric> metrics = new ArrayList<>();
    metrics.add(new KuraMetric("request.id", requestId));
    metrics.add(new KuraMetric("requester.client.id", CLIENT_ID));
    metrics.addAll(more);
    return KuraPayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, body));
  }

  /** Sends a request and waits for its reply. */
  KuraPayload call(String app, String method, String resource, byte[] body) throws Exception {
    String id = UUID.randomUUID().toString();
    publish(topic(app, method, resource), request(id, List.of(), body));
    return awaitReply(id, TIMEOUT);
  }

  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, false).waitForCompletion(TIMEOUT.toMillis());
  }

  KuraPayload awaitReply(String requestId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (replies) {
      while (!replies.containsKey(requestId)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no reply to request " + requestId + " within " + timeout);
        }
        replies.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return replies.get(requestId);
    }
  }

  boolean hasReply(String requestId) {
    return replies.containsKey(requestId);
  }

  static int code(KuraPayload reply) {
    return (Integer) reply.metric("response.code").orElseThrow();
  }

  static String message(KuraPayload reply) {
    return (String) reply.metric("response.exception.message").orElse("");
  }

  static String body(KuraPayload reply) {
    return reply.body() == null
        ? ""
        : new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      client.disconnect().waitForCompletion(TIMEOUT.toMillis());
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (topic.contains("/NOTIFY/")) {
        StringBuilder s = new StringBuilder(topic.substring(topic.lastIndexOf('/') + 1));
        for (KuraMetric m : KuraPayloadCodec.decode(message.getPayload()).metrics()) {
          s.append(' ').append(m.name()).append('=').append(m.value());
        }
        notifications.add(s.toString());
        return;
      }
      String id = topic.substring(topic.lastIndexOf('/') + 1);
      synchronized (replies) {
        replies.put(id, KuraPayloadCodec.decode(message.getPayload()));
        replies.notifyAll();
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
