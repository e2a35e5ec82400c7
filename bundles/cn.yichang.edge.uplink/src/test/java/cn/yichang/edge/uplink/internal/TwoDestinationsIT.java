package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platforms fed from one buffer file, each through its own queue and its own uplink, each on
 * its own real Mosquitto (TLS, client certificates): while one broker is down for minutes the other
 * receives every reading with no gap, and the first gets its whole backlog, in order, once it is
 * back.
 */
class TwoDestinationsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** How long the backup platform is down: minutes, as a broker's maintenance window. */
  private static final Duration OUTAGE = Duration.ofMinutes(2);

  private static final String ID = "gw-two";

  @TempDir Path dir;

  @Test
  void aDeadPlatformHoldsBackNoOtherAndGetsItsBacklogAfter() throws Exception {
    assumeTrue(
        MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), ID);
    BrokerOptions options = BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts();
    StoreSettings settings =
        new StoreSettings(
            dir.resolve("buffer.db"),
            64L << 20,
            Duration.ofMillis(20),
            500,
            20_000,
            8L << 20,
            List.of("uplink", "backup"));
    try (MosquittoBroker city = MosquittoBroker.start(pki, options);
        MosquittoBroker backup = MosquittoBroker.start(pki, options);
        BrokerSubscriber atCity = BrokerSubscriber.connect(city, pki, "yichang/" + ID + "/#");
        BrokerSubscriber atBackup = BrokerSubscriber.connect(backup, pki, "yichang/" + ID + "/#");
        SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      MessageStore cityQueue = store.queue("uplink");
      MessageStore backupQueue = store.queue("backup");
      TestConfig cityConfig = Gateway.tlsConfig(city.tlsUrl(), pki, pki.gateway(), ID, "mqtt5");
      TestConfig backupConfig = Gateway.tlsConfig(backup.tlsUrl(), pki, pki.gateway(), ID, "mqtt5");
      // a site's reconnect-max: the wait after the broker is back is at most this
      backupConfig.reconnectMaxMs = 10_000;
      TestTelemetry toCity = new TestTelemetry(cityQueue, cityConfig);
      TestTelemetry toBackup = new TestTelemetry(backupQueue, backupConfig);
      UplinkComponent cityUplink =
          new UplinkComponent(cityQueue, cityConfig, System::getProperty, "0.1.0-it");
      UplinkComponent backupUplink =
          new UplinkComponent(backupQueue, backupConfig, System::getProperty, "0.1.0-it");
      try {
        read(toCity, toBackup, 0, 20);
        atCity.awaitCount(20, WAIT);
        atBackup.awaitCount(20, WAIT);

        backup.stop();
        await().atMost(WAIT).until(() -> !backupUplink.status().connected());
        // Minutes down, a reading set a second: each poll reads one more and the condition is that
        // the city has had every earlier one, for the whole outage (the backup's reconnects back
        // off meanwhile, to its reconnect-max).
        AtomicInteger sent = new AtomicInteger(20);
        await()
            .during(OUTAGE)
            .atMost(OUTAGE.plus(WAIT))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  boolean cityHasAll = distinct(atCity.messages()).size() >= sent.get() - 1;
                  read(toCity, toBackup, sent.getAndIncrement(), 1);
                  return cityHasAll && !backupUplink.status().connected();
                });
        int total = sent.get();
        atCity.awaitCount(total, WAIT);
        // the city platform received everything while the backup was down, with no gap
        assertThat(seqs(atCity.messages()))
            .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(total).isGreaterThanOrEqualTo(20 + (int) OUTAGE.toSeconds() / 2);
        assertThat(backupQueue.counters().buffered()).isEqualTo(total - 20);
        // acknowledged rows go with the next group
        await().atMost(WAIT).until(() -> cityQueue.counters().buffered() == 0);

        backup.start();
        await().atMost(WAIT).until(() -> distinct(atBackup.messages()).size() >= total);
        List<Long> backlog = distinct(atBackup.messages());
        assertThat(backlog)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(counts(atBackup.messages())).isSorted();
        System.out.printf(
            "backup down %d s: the city received 1-%d with no gap; the backup's backlog of %d"
                + " came after, in order%n",
            OUTAGE.toSeconds(), total, total - 20);
      } finally {
        cityUplink.deactivate();
        backupUplink.deactivate();
      }
    }
  }

  /** One reading set to both destinations, as acquisition hands it to every buffer sink. */
  private static void read(TestTelemetry a, TestTelemetry b, int from, int n) {
    for (int i = from; i < from + n; i++) {
      ReadingSet set =
          new ReadingSet(
              "soil-01", Instant.now(), List.of(PointReading.of("count", (long) i, null, false)));
      a.accept(set);
      b.accept(set);
    }
  }

  private static List<Long> seqs(List<ReceivedMessage> messages) {
    return messages.stream().map(Gateway::seq).toList();
  }

  /** The sequence numbers in the order they first arrived (a resend after the outage is a copy). */
  private static List<Long> distinct(List<ReceivedMessage> messages) {
    return seqs(messages).stream().distinct().toList();
  }

  /** The reading counters in the order they first arrived. */
  private static List<Long> counts(List<ReceivedMessage> messages) {
    return messages.stream()
        .map(m -> (Long) Gateway.decode(m).metric("count").orElseThrow())
        .distinct()
        .toList();
  }
}
