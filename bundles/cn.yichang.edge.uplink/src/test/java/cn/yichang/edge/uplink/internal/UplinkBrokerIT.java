package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.uplink.UplinkStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The uplink against a real Mosquitto with TLS and {@code require_certificate true}. */
class UplinkBrokerIT {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  static PkiFiles pki;
  static MosquittoBroker broker;

  @BeforeAll
  static void broker() throws Exception {
    assumeTrue(
        MosquittoBroker.installed(),
        "mosquitto is not installed (apt-get install mosquitto); CI installs it");
    pki = TestPki.generate(dir.resolve("pki"), "gw-it");
    broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withPlaintextListener());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mqtt5", "mqtt3"})
  void readingsArriveDecodedAfterABirthAndDcFollowsOnDeactivation(String protocol)
      throws Exception {
    String id = "gw-it-" + protocol;
    try (BrokerSubscriber data = BrokerSubscriber.connect(broker, pki, "yichang/" + id + "/#");
        BrokerSubscriber control =
            BrokerSubscriber.connect(broker, pki, "$EDC/yichang/" + id + "/#");
        Gateway gateway =
            new Gateway(Gateway.tlsConfig(broker.tlsUrl(), pki, pki.gateway(), id, protocol))) {
      gateway.read(3);
      gateway.start();

      List<ReceivedMessage> readings = data.awaitCount(3, WAIT);
      assertThat(readings)
          .extracting(ReceivedMessage::topic)
          .containsOnly("yichang/" + id + "/sensors/soil-01");
      assertThat(readings).extracting(Gateway::seq).containsExactly(1L, 2L, 3L);
      KuraPayload first = Gateway.decode(readings.get(0));
      assertThat(first.timestamp()).isNotNull();
      assertThat(first.metrics())
          .containsExactly(
              new KuraMetric("count", 1L),
              new KuraMetric("temperature", 0.1),
              new KuraMetric("humidity_error", "timeout"),
              new KuraMetric("edge.seq", 1L));

      ReceivedMessage birth = control.awaitCount(1, WAIT).get(0);
      assertThat(birth.topic()).isEqualTo("$EDC/yichang/" + id + "/MQTT/BIRTH");
      assertThat(birth.qos()).isEqualTo(1);
      assertThat(Gateway.decode(birth).metrics().stream().map(KuraMetric::name))
          .contains(
              "uptime",
              "display_name",
              "firmware_version",
              "os",
              "jvm_name",
              "application_framework",
              "application_ids",
              "accept_encoding");

      // the store hears of an acknowledgement before the uplink's counters do
      await()
          .atMost(WAIT)
          .until(
              () -> gateway.store.buffered() == 0 && gateway.uplink().status().acknowledged() == 3);
      assertThat(gateway.store.acknowledgedIds()).containsExactly(1L, 2L, 3L);
      UplinkStatus status = gateway.uplink().status();
      assertThat(status.protocol()).isEqualTo(protocol);
      assertThat(status.connected()).isTrue();
      assertThat(status.acknowledged()).isEqualTo(3);

      gateway.stop();
      List<ReceivedMessage> lifecycle = control.awaitCount(2, WAIT);
      assertThat(lifecycle.get(1).topic()).isEqualTo("$EDC/yichang/" + id + "/MQTT/DC");
      assertThat(Gateway.decode(lifecycle.get(1)).metric("uptime")).isPresent();
      await()
          .during(Duration.ofMillis(500))
          .atMost(WAIT)
          .until(() -> control.messages().size() == 2); // a clean disconnect fires no LWT
    }
  }

  @Test
  void aClientCertificateFromAnotherCaIsRefusedWithAClearError() throws Exception {
    try (Gateway gateway =
        new Gateway(
                Gateway.tlsConfig(
                    broker.tlsUrl(), pki, pki.foreignGateway(), "gw-it-foreign", "mqtt5"))
            .start()) {
      await().atMost(WAIT).until(() -> gateway.uplink().status().lastError() != null);
      UplinkStatus status = gateway.uplink().status();
      assertThat(status.connected()).isFalse();
      assertThat(status.lastError())
          .contains("cannot connect to " + broker.tlsUrl())
          .contains("refused the gateway's certificate")
          .contains(pki.foreignGateway().cert().toString());
    }
  }

  @Test
  void plaintextIsAStartupErrorUnlessAllowed() throws Exception {
    TestConfig config =
        Gateway.tlsConfig(broker.plaintextUrl(), pki, pki.gateway(), "gw-it-plain", "mqtt5");
    assertThatThrownBy(() -> new Gateway(config).start())
        .hasMessageContaining(broker.plaintextUrl())
        .hasMessageContaining("allow.plaintext=true");

    config.allowPlaintext = true;
    try (BrokerSubscriber data = BrokerSubscriber.connect(broker, pki, "yichang/gw-it-plain/#");
        Gateway gateway = new Gateway(config)) {
      gateway.read(1);
      gateway.start();
      assertThat(data.awaitCount(1, WAIT)).extracting(Gateway::seq).containsExactly(1L);
    }
  }
}
