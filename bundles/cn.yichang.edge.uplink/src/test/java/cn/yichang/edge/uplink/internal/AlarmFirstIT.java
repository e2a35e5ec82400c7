package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SOS raised while the broker is down, followed by far more telemetry than the buffer holds: the
 * real SQLite buffer evicts telemetry, keeps the alarm, and when the broker is back the alarm is
 * the first new message the platform receives.
 */
class AlarmFirstIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ID = "gw-alarm";
  private static final long LIMIT = 256 * 1024;

  @TempDir Path dir;

  @Test
  void anAlarmRaisedDuringAnOutageSurvivesEvictionAndIsDeliveredFirst() throws Exception {
    assumeTrue(
        MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), ID);
    TestConfig config = Gateway.tlsConfig(null, pki, pki.gateway(), ID, "mqtt5");
    StoreSettings settings =
        new StoreSettings(
            dir.resolve("buffer.db"), LIMIT, Duration.ofMillis(20), 500, 20_000, 8L << 20);
    try (MosquittoBroker broker =
            MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts());
        BrokerSubscriber data = BrokerSubscriber.connect(broker, pki, "yichang/" + ID + "/#");
        SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      config.url = broker.tlsUrl();
      TestTelemetry encoder = new TestTelemetry(store, config);
      UplinkComponent uplink = new UplinkComponent(store, config, System::getProperty, "0.1.0-it");
      try {
        telemetry(encoder, 0, 20);
        data.awaitCount(20, WAIT);
        Set<Long> beforeOutage = seqs(data.messages());

        broker.stop();
        await().atMost(WAIT).until(() -> !uplink.status().connected());
        telemetry(encoder, 20, 50);
        encoder.accept(
            new ReadingSet(
                "room-101-sos",
                Instant.now(),
                List.of(
                    PointReading.of("sos", true, null, false),
                    PointReading.of("sos_events", 1L, null, false)),
                true));
        // eviction pressure: several times what the buffer holds, the alarm the oldest in it
        for (int from = 70; from < 4_070; from += 500) {
          telemetry(encoder, from, 500);
          long accepted = from + 500 + 1;
          await().atMost(WAIT).until(() -> store.counters().accepted() >= accepted);
        }
        assertThat(store.counters().evicted()).as("telemetry evicted").isGreaterThan(1_000);
        assertThat(store.counters().bufferedBytes()).isLessThanOrEqualTo(LIMIT);

        broker.start();
        data.awaitSubscribed(2, WAIT);
        await()
            .atMost(WAIT)
            .until(() -> newMessages(data, beforeOutage).size() >= store.counters().buffered());

        List<ReceivedMessage> after = newMessages(data, beforeOutage);
        assertThat(after.get(0).topic()).isEqualTo("yichang/" + ID + "/sensors/room-101-sos");
        KuraPayload alarm = Gateway.decode(after.get(0));
        assertThat(alarm.metric("sos")).contains(true);
        assertThat(after.stream().filter(m -> m.topic().endsWith("/room-101-sos"))).hasSize(1);
        // what was kept of the telemetry is the newest, after the alarm
        assertThat(after.subList(1, after.size())).allMatch(m -> m.topic().endsWith("/soil-01"));
      } finally {
        uplink.deactivate();
      }
    }
  }

  private static void telemetry(TestTelemetry encoder, int from, int n) {
    for (int i = from; i < from + n; i++) {
      encoder.accept(
          new ReadingSet(
              "soil-01",
              Instant.now(),
              List.of(
                  PointReading.of("count", (long) i, null, false),
                  PointReading.of("note", "x".repeat(120), null, false))));
    }
  }

  /** Messages with a sequence number the platform had not seen before the outage, in order. */
  private static List<ReceivedMessage> newMessages(BrokerSubscriber data, Set<Long> before) {
    return data.messages().stream().filter(m -> !before.contains(Gateway.seq(m))).toList();
  }

  private static Set<Long> seqs(List<ReceivedMessage> messages) {
    return messages.stream().map(Gateway::seq).collect(Collectors.toSet());
  }
}
