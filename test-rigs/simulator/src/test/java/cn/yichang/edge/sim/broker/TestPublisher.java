package cn.yichang.edge.sim.broker;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Publishes QoS 1 messages over TLS as the PKI's gateway, for the harness's own tests. */
final class TestPublisher implements AutoCloseable {

  private static final long TIMEOUT_MS = 10_000;

  private final MqttAsyncClient client;

  TestPublisher(String serverUri, PkiFiles pki) throws Exception {
    client =
        new MqttAsyncClient(
            serverUri, "test-publisher-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(ClientTls.socketFactory(pki.caCert(), pki.gateway()));
    options.setHttpsHostnameVerificationEnabled(true);
    client.connect(options).waitForCompletion(TIMEOUT_MS);
  }

  void publish(String topic, String payload) throws MqttException {
    client
        .publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false)
        .waitForCompletion(TIMEOUT_MS);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(TIMEOUT_MS);
    }
    client.close(true);
  }
}
