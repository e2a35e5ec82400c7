package cn.yichang.edge.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness against the real Debian mosquitto: TLS with client certificates, refusals, outages.
 */
class MosquittoBrokerTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  static PkiFiles pki;

  @BeforeAll
  static void pki() throws Exception {
    assumeTrue(
        MosquittoBroker.installed(),
        "mosquitto is not installed (apt-get install mosquitto); CI installs it");
    pki = TestPki.generate(dir.resolve("pki"), "gw-1");
  }

  @Test
  void acceptsTheSubscriberOverTlsAndDelivers() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly());
        BrokerSubscriber subscriber = BrokerSubscriber.connect(broker, pki, "edge/#");
        TestPublisher publisher = new TestPublisher(broker.tlsUrl(), pki)) {
      for (int i = 0; i < 3; i++) {
        publisher.publish("edge/gw-1/sensors/" + i, "reading " + i);
      }
      List<ReceivedMessage> messages = subscriber.awaitCount(3, WAIT);
      assertThat(messages)
          .extracting(ReceivedMessage::topic, ReceivedMessage::payloadAsUtf8)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("edge/gw-1/sensors/0", "reading 0"),
              org.assertj.core.groups.Tuple.tuple("edge/gw-1/sensors/1", "reading 1"),
              org.assertj.core.groups.Tuple.tuple("edge/gw-1/sensors/2", "reading 2"));
      // use_identity_as_username: the certificate's CN is the MQTT user.
      broker.awaitLog("u'gw-1'", WAIT);
      broker.awaitLog("u'test-subscriber'", WAIT);
    }
  }

  @Test
  void clientCertificateFromAnotherCaIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      MqttException refused =
          catchThrowableOfType(
              MqttException.class,
              () ->
                  BrokerSubscriber.connect(
                      broker.tlsUrl(), pki.caCert(), pki.foreignGateway(), "#"));
      assertThat(refused).as("connecting with a foreign certificate").isNotNull();
      assertThat(broker.awaitLog("certificate verify failed", WAIT)).doesNotContain("u'gw-1'");
    }
  }

  @Test
  void expiredClientCertificateIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      MqttException refused =
          catchThrowableOfType(
              MqttException.class,
              () ->
                  BrokerSubscriber.connect(
                      broker.tlsUrl(), pki.caCert(), pki.expiredGateway(), "#"));
      assertThat(refused).isNotNull();
      broker.awaitLog("certificate verify failed", WAIT);
    }
  }

  @Test
  void stopAndStartServeAgainOnTheSamePort() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly());
        BrokerSubscriber subscriber = BrokerSubscriber.connect(broker, pki, "edge/#")) {
      int port = broker.tlsPort();
      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      assertThat(accepts(port)).isFalse();

      broker.start();
      assertThat(broker.tlsPort()).isEqualTo(port);
      assertThat(accepts(port)).isTrue();
      subscriber.awaitSubscribed(2, WAIT);
      try (TestPublisher publisher = new TestPublisher(broker.tlsUrl(), pki)) {
        publisher.publish("edge/gw-1/after-outage", "back");
      }
      assertThat(subscriber.awaitCount(1, WAIT).get(0).payloadAsUtf8()).isEqualTo("back");
    }
  }

  @Test
  void keptSessionsReceiveWhatWasPublishedBeforeTheSubscriberReturned() throws Exception {
    BrokerOptions options = BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts();
    try (MosquittoBroker broker = MosquittoBroker.start(pki, options);
        BrokerSubscriber subscriber = BrokerSubscriber.connect(broker, pki, "edge/#")) {
      broker.stop();
      broker.start();
      // Published at once, most likely before the subscriber's reconnect (1 s at the earliest).
      try (TestPublisher publisher = new TestPublisher(broker.tlsUrl(), pki)) {
        publisher.publish("edge/gw-1/during-outage", "kept");
      }
      assertThat(subscriber.awaitCount(1, WAIT).get(0).payloadAsUtf8()).isEqualTo("kept");
    }
  }

  @Test
  void plaintextListenerIsOnlyThereWhenAsked() throws Exception {
    try (MosquittoBroker tlsOnly = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      assertThat(tlsOnly.plaintextUrl()).isNull();
    }
    try (MosquittoBroker broker =
        MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withPlaintextListener())) {
      MqttAsyncClient client =
          new MqttAsyncClient(broker.plaintextUrl(), "plain", new MemoryPersistence());
      client.connect(new MqttConnectionOptions()).waitForCompletion(WAIT.toMillis());
      assertThat(client.isConnected()).isTrue();
      client.disconnect().waitForCompletion(WAIT.toMillis());
      client.close();
    }
  }

  @Test
  void plaintextClientOnTheTlsPortIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      MqttAsyncClient client =
          new MqttAsyncClient(
              "tcp://127.0.0.1:" + broker.tlsPort(), "plain", new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setConnectionTimeout(5);
      MqttException refused =
          catchThrowableOfType(
              MqttException.class,
              () -> client.connect(options).waitForCompletion(WAIT.toMillis()));
      assertThat(refused).isNotNull();
      client.close(true);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
