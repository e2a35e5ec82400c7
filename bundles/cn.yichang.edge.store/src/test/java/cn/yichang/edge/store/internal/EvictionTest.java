package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.CONTROL;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvictionTest {
  private static final long LIMIT = 256 * 1024;
  private static final int PAYLOAD = 1000;

  @TempDir Path dir;

  @Test
  void oldestTelemetryGoesFirstAndAlarmsStay() throws Exception {
    try (LogCapture log = new LogCapture();
        SqliteMessageStore store =
            SqliteMessageStore.open(Stores.withLimit(settings(dir), LIMIT))) {
      // 20 alarms and 20 control messages, the oldest of all, then far more telemetry than fits.
      int n = 0;
      for (; n < 20; n++) {
        store.enqueue(message(ALARM, n, PAYLOAD));
      }
      for (; n < 40; n++) {
        store.enqueue(message(CONTROL, n, PAYLOAD));
      }
      for (; n < 640; n++) {
        store.enqueue(message(TELEMETRY, n, PAYLOAD));
      }
      awaitAccepted(store, 640);

      StoreCounters c = store.counters();
      assertThat(c.evicted()).isPositive();
      assertThat(c.buffered()).isEqualTo(640 - c.evicted());
      assertThat(c.bufferedBytes()).isLessThanOrEqualTo(LIMIT);

      List<StoredMessage> kept = takeAll(store, 640);
      assertThat(kept).hasSize((int) c.buffered());
      assertThat(kept.stream().filter(m -> m.priority() == ALARM)).hasSize(20);
      assertThat(kept.stream().filter(m -> m.priority() == CONTROL)).hasSize(20);
      // The telemetry kept is the newest: an unbroken run up to the last message.
      int oldestKept = 640 - (int) (c.buffered() - 40);
      assertThat(kept.stream().filter(m -> m.priority() == TELEMETRY).map(Stores::number))
          .containsExactlyElementsOf(IntStream.range(oldestKept, 640).boxed().toList());

      List<String> warnings = log.lines(Level.WARN);
      assertThat(warnings)
          .isNotEmpty()
          .allMatch(w -> w.contains("evicted") && w.contains("TELEMETRY"));
      assertThat(warnings.get(0)).contains("acquired 2026-11-29T02:00:00.040Z to");
      long logged =
          warnings.stream()
              .mapToLong(w -> Long.parseLong(w.replaceAll("^Store: evicted (\\d+) .*$", "$1")))
              .sum();
      assertThat(logged).isEqualTo(c.evicted());
    }
  }

  @Test
  void controlGoesBeforeAlarmsAndAlarmsLastOfAll() throws Exception {
    try (LogCapture log = new LogCapture();
        SqliteMessageStore store =
            SqliteMessageStore.open(Stores.withLimit(settings(dir), LIMIT))) {
      int n = 0;
      for (Priority p : List.of(TELEMETRY, CONTROL, ALARM)) {
        for (int i = 0; i < 300; i++, n++) {
          store.enqueue(message(p, n, PAYLOAD));
        }
      }
      awaitAccepted(store, 900);

      List<StoredMessage> kept = takeAll(store, 900);
      assertThat(kept).allMatch(m -> m.priority() == ALARM);
      assertThat(kept).extracting(Stores::number).last().isEqualTo(899);
      // Evicted in order of priority: every TELEMETRY batch before any CONTROL, then ALARM.
      List<String> order =
          log.lines(Level.WARN).stream()
              .map(w -> w.replaceAll("^Store: evicted \\d+ (\\w+) .*$", "$1"))
              .distinct()
              .toList();
      assertThat(order).containsExactly("TELEMETRY", "CONTROL", "ALARM");
      assertThat(store.counters().evicted()).isEqualTo(900 - kept.size());
    }
  }

  @Test
  void acknowledgingAnEvictedMessageDoesNothing() throws Exception {
    try (SqliteMessageStore store =
        SqliteMessageStore.open(Stores.withLimit(settings(dir), LIMIT))) {
      store.enqueue(message(TELEMETRY, 0, PAYLOAD));
      awaitAccepted(store, 1);
      StoredMessage first = store.take(1, Duration.ZERO).get(0);
      for (int n = 1; n < 400; n++) {
        store.enqueue(message(TELEMETRY, n, PAYLOAD));
      }
      awaitAccepted(store, 400);
      assertThat(store.counters().evicted()).isPositive();

      store.acknowledge(first.id());
      store.rewind();

      assertThat(store.counters().acknowledged()).isZero();
      assertThat(takeAll(store, 400)).extracting(Stores::number).doesNotContain(0).endsWith(399);
    }
  }
}
