package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.sim.broker.ClientTls;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.RabbitMqBroker;
import cn.yichang.edge.sim.broker.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uplink against a real MQTT 3.1.1-only broker: Debian's RabbitMQ 3.10 with its MQTT plugin,
 * TLS with a client certificate required. RabbitMQ closes the connection on an MQTT 5 CONNECT,
 * after the TLS handshake, without a CONNACK.
 */
class Mqtt3OnlyBrokerIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static PkiFiles pki;
  static RabbitMqBroker broker;

  @BeforeAll
  static void broker() throws Exception {
    assumeTrue(
        RabbitMqBroker.installed(),
        "rabbitmq-server is not installed (test-rigs/install-peers); CI installs it");
    pki = TestPki.generate(dir.resolve("pki"), "gw-rabbit");
    broker = RabbitMqBroker.start(pki);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void mqtt5SaysTheBrokerClosedAfterConnectAndMayNotSpeakMqtt5() throws Exception {
    try (Gateway gateway =
        new Gateway(Gateway.tlsConfig(broker.tlsUrl(), pki, pki.gateway(), "gw-r5", "mqtt5"))) {
      gateway.start();
      await().atMost(WAIT).until(() -> gateway.uplink().status().lastError() != null);
      String error = gateway.uplink().status().lastError();
      assertThat(error)
          .contains("closed the connection after CONNECT")
          .contains("may not speak MQTT 5; try protocol: mqtt3")
          .doesNotContain("during the TLS handshake");
      assertThat(gateway.uplink().status().connected()).isFalse();
    }
  }

  @Test
  void autoFallsBackToMqtt3AndReadingsArrive() throws Exception {
    List<String> topics = new CopyOnWriteArrayList<>();
    MqttClient subscriber =
        new MqttClient(broker.tlsUrl(), "test-subscriber-auto", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setSocketFactory(ClientTls.socketFactory(pki.caCert(), pki.subscriber()));
    subscriber.connect(o);
    subscriber.subscribe("yichang/gw-auto/#", 1, (topic, message) -> topics.add(topic));
    try (Gateway gateway =
        new Gateway(Gateway.tlsConfig(broker.tlsUrl(), pki, pki.gateway(), "gw-auto", "auto"))) {
      gateway.read(3);
      gateway.start();
      await().atMost(WAIT).until(() -> topics.size() >= 3);
      assertThat(topics).containsOnly("yichang/gw-auto/sensors/soil-01");
      await().atMost(WAIT).until(() -> gateway.store.buffered() == 0);
      assertThat(gateway.uplink().status().protocol()).isEqualTo("mqtt3");
      assertThat(gateway.uplink().status().connected()).isTrue();

      // A second client with the gateway's id makes the broker drop the gateway: the reconnection
      // tries MQTT 5 once more (one bare close may be a broker going down), is closed again and
      // then keeps MQTT 3.1.1 for the run (ProtocolFallbackTest counts the attempts).
      MqttClient intruder = new MqttClient(broker.tlsUrl(), "gw-auto", new MemoryPersistence());
      intruder.connect(o);
      intruder.disconnect();
      intruder.close();
      await().atMost(WAIT).until(() -> gateway.uplink().status().reconnects() >= 1);
      gateway.read(2);
      await().atMost(WAIT).until(() -> topics.size() >= 5);
      assertThat(gateway.uplink().status().protocol()).isEqualTo("mqtt3");
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
  }
}
