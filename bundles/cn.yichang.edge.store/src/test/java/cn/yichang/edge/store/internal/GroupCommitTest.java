package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.settings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void manyMessagesShareFewTransactions() {
    StoreSettings s = Stores.withCommits(settings(dir), Duration.ofMillis(50), 500);
    try (SqliteMessageStore store = SqliteMessageStore.open(s)) {
      for (int n = 0; n < 5000; n++) {
        store.enqueue(message(TELEMETRY, n, 200));
      }
      awaitAccepted(store, 5000);
      assertThat(store.commits()).isBetween(10L, 100L);
    }
  }

  @Test
  void aBurstWithinTheIntervalIsOneTransaction() {
    // an interval long enough that a stalled test thread still enqueues the three within it
    StoreSettings s = Stores.withCommits(settings(dir), Duration.ofSeconds(2), 500);
    try (SqliteMessageStore store = SqliteMessageStore.open(s)) {
      for (int n = 0; n < 3; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 3);
      assertThat(store.commits()).isEqualTo(1);
    }
  }

  @Test
  void aFullQueueCountsWhatItRefusesAndSaysSoOnce() {
    // The writer waits a minute for a group of 1000, so the queue of 100 fills up.
    StoreSettings s =
        Stores.withQueue(Stores.withCommits(settings(dir), Duration.ofMinutes(1), 1000), 100);
    try (LogCapture log = new LogCapture()) {
      SqliteMessageStore store = SqliteMessageStore.open(s);
      for (int n = 0; n < 150; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      assertThat(store.counters().lost()).isEqualTo(50);
      assertThat(log.lines(Level.WARN))
          .singleElement()
          .asString()
          .contains("1 messages lost since start", "in-memory queue was full");

      store.close(); // flushes the queue
      assertThat(store.counters().accepted()).isEqualTo(100);
    }
  }
}
