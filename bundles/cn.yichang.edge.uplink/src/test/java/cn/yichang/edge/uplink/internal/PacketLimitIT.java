package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.uplink.UplinkStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Mosquitto with {@code max_packet_size}: it disconnects a client that sends a larger
 * packet, and tells MQTT 5 clients the limit in CONNACK; MQTT 3.1.1 clients learn it only from
 * {@code max.message}.
 */
class PacketLimitIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final int LIMIT = 2048;

  @TempDir static Path dir;
  static PkiFiles pki;
  static MosquittoBroker broker;

  @BeforeAll
  static void broker() throws Exception {
    assumeTrue(
        MosquittoBroker.installed(),
        "mosquitto is not installed (apt-get install mosquitto); CI installs it");
    pki = TestPki.generate(dir.resolve("pki"), "gw-limit");
    broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withMaxPacketSize(LIMIT));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mqtt5", "mqtt3"})
  void aLargeReadingSetArrivesWholeInMessagesUnderTheLimitAndNothingElseStops(String protocol)
      throws Exception {
    String id = "gw-limit-" + protocol;
    TestConfig config = Gateway.tlsConfig(broker.tlsUrl(), pki, pki.gateway(), id, protocol);
    if (protocol.equals("mqtt3")) {
      config.maxMessage = LIMIT; // a 3.1.1 broker announces nothing
    }
    Instant acquired = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<PointReading> points = points(300);
    try (BrokerSubscriber data = BrokerSubscriber.connect(broker, pki, "yichang/" + id + "/#");
        BrokerSubscriber control =
            BrokerSubscriber.connect(broker, pki, "$EDC/yichang/" + id + "/MQTT/#");
        Gateway gateway = new Gateway(config)) {
      gateway.read(2);
      gateway.accept(new ReadingSet("profiler-01", acquired, points));
      gateway.accept(
          new ReadingSet(
              "gnss-01",
              acquired,
              List.of(PointReading.of("raw", UplinkEngineTest.noise(8000), null, false))));
      gateway.read(2);
      gateway.start();

      await()
          .atMost(WAIT)
          .until(() -> gateway.store.buffered() == 0 && gateway.store.setAsideRows().size() == 1);
      List<ReceivedMessage> received = data.messages();
      // every message fits: Mosquitto would have dropped the connection otherwise
      for (ReceivedMessage m : received) {
        assertThat(packetSize(m)).isLessThanOrEqualTo(LIMIT);
      }
      List<ReceivedMessage> profiler =
          received.stream().filter(m -> m.topic().endsWith("/profiler-01")).toList();
      assertThat(profiler.size()).isGreaterThan(2);
      Set<String> arrived = new HashSet<>();
      for (ReceivedMessage m : profiler) {
        assertThat(Gateway.decode(m).timestamp()).isEqualTo(acquired);
        for (KuraMetric metric : Gateway.decode(m).metrics()) {
          if (!metric.name().equals("edge.seq")) {
            assertThat(arrived.add(metric.name() + "=" + metric.value())).isTrue();
          }
        }
      }
      Set<String> expected = new HashSet<>();
      points.forEach(p -> expected.add(p.name() + "=" + p.value()));
      assertThat(arrived).isEqualTo(expected);
      // the soil probe's readings before and after it came through
      assertThat(received.stream().filter(m -> m.topic().endsWith("/soil-01"))).hasSize(4);
      // one edge.seq per message, none repeated; the one set aside is the only gap
      List<Long> seqs = new ArrayList<>(received.stream().map(Gateway::seq).sorted().toList());
      assertThat(seqs).doesNotHaveDuplicates();
      assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size() + 1);

      UplinkStatus status = gateway.uplink().status();
      assertThat(status.reconnects()).isZero();
      assertThat(status.split()).isEqualTo(1);
      // the store counts it with the commit that moves it aside
      await().atMost(WAIT).until(() -> gateway.uplink().status().setAside() == 1);
      assertThat(status.lastError()).contains("set aside", "gnss-01");
      assertThat(control.messages())
          .extracting(ReceivedMessage::topic)
          .containsExactly("$EDC/yichang/" + id + "/MQTT/BIRTH");
    }
  }

  @Test
  void aBrokerWithASmallLimitGetsABirthCutDownToItAndKeepsTheConnection() throws Exception {
    try (MosquittoBroker small =
        MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withMaxPacketSize(512))) {
      String id = "gw-limit-small";
      try (BrokerSubscriber data = BrokerSubscriber.connect(small, pki, "yichang/" + id + "/#");
          BrokerSubscriber control =
              BrokerSubscriber.connect(small, pki, "$EDC/yichang/" + id + "/MQTT/#");
          Gateway gateway =
              new Gateway(Gateway.tlsConfig(small.tlsUrl(), pki, pki.gateway(), id, "mqtt5"))) {
        gateway.read(3);
        gateway.start();

        assertThat(data.awaitCount(3, WAIT)).extracting(Gateway::seq).containsExactly(1L, 2L, 3L);
        ReceivedMessage birth = control.awaitCount(1, WAIT).get(0);
        assertThat(packetSize(birth)).isLessThanOrEqualTo(512);
        assertThat(Gateway.decode(birth).metrics().stream().map(KuraMetric::name))
            .contains("display_name", "firmware_version", "application_ids");
        assertThat(gateway.uplink().status().reconnects()).isZero();
      }
    }
  }

  /** The PUBLISH packet that carried it, as MQTT 5 counts it (QoS 1, empty properties). */
  private static long packetSize(ReceivedMessage m) {
    return FakeBroker.packetSize(m.topic(), m.payload().length, 1);
  }

  private static List<PointReading> points(int n) {
    SplittableRandom random = new SplittableRandom(n);
    List<PointReading> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          PointReading.of("depth_" + i + "_temperature", random.nextDouble() * 30, "Cel", false));
    }
    return out;
  }
}
