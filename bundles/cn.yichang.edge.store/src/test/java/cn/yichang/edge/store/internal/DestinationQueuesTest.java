package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue per destination in one file: numbered, read, acknowledged and evicted on its own. */
class DestinationQueuesTest {
  @TempDir Path dir;

  private StoreSettings settings(long maxBytes) {
    StoreSettings s = Stores.withLimit(Stores.settings(dir), maxBytes);
    return new StoreSettings(
        s.path(),
        s.maxBytes(),
        s.commitInterval(),
        s.commitMaxMessages(),
        s.queueMaxMessages(),
        s.queueMaxBytes(),
        List.of("uplink", "env-city"));
  }

  @Test
  void eachQueueNumbersReadsAndAcknowledgesItsOwnMessagesInTheSameCommits() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      MessageStore kura = store.queue("uplink");
      MessageStore env = store.queue("env-city");
      long commits = store.commits();
      for (int n = 1; n <= 5; n++) {
        kura.enqueue(message(TELEMETRY, n));
        env.enqueue(message(TELEMETRY, 100 + n));
      }
      await().until(() -> env.counters().accepted() == 5 && kura.counters().accepted() == 5);
      assertThat(store.commits() - commits).as("one group for both queues").isEqualTo(1);

      List<StoredMessage> toKura = kura.take(10, Duration.ZERO);
      List<StoredMessage> toEnv = env.take(10, Duration.ZERO);
      assertThat(toKura).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(toEnv).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(toKura).extracting(Stores::number).containsExactly(1, 2, 3, 4, 5);
      assertThat(toEnv).extracting(Stores::number).containsExactly(101, 102, 103, 104, 105);

      toKura.forEach(m -> kura.acknowledge(m.id()));
      kura.rewind();
      env.rewind();
      assertThat(kura.take(10, Duration.ZERO)).isEmpty();
      assertThat(env.take(10, Duration.ZERO)).hasSize(5);
      assertThat(kura.counters().buffered()).isZero();
      assertThat(env.counters().buffered()).isEqualTo(5);
      assertThat(store.queues().keySet()).containsExactly("uplink", "env-city");
    }
  }

  @Test
  void aDeadDestinationsBacklogIsEvictedFromItsOwnQueueOnly() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(256 * 1024))) {
      MessageStore kura = store.queue("uplink");
      MessageStore env = store.queue("env-city"); // its platform is down: never taken
      int kept = 0;
      for (int n = 0; n < 3_000; n++) {
        env.enqueue(message(TELEMETRY, n, 200));
        if (n % 100 == 0) {
          kura.enqueue(message(TELEMETRY, n, 200));
          kept++;
        }
      }
      int sent = kept;
      await().until(() -> env.counters().accepted() == 3_000 && kura.counters().accepted() == sent);
      assertThat(env.counters().evicted()).isGreaterThan(1_000);
      assertThat(env.history().evicted()).isEqualTo(env.counters().evicted());
      assertThat(kura.counters().evicted()).isZero();
      assertThat(kura.history().evicted()).isZero();
      assertThat(kura.take(100, Duration.ZERO)).hasSize(kept);
      assertThat(store.counters().bufferedBytes()).isLessThanOrEqualTo(256 * 1024);
    }
  }

  @Test
  void aRestartKeepsEveryQueuesNumbersAndBacklog() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      store.queue("env-city").enqueue(message(TELEMETRY, 1));
      store.queue("env-city").enqueue(message(TELEMETRY, 2));
      store.queue("uplink").enqueue(message(TELEMETRY, 3));
      await().until(() -> store.queue("env-city").counters().accepted() == 2);
      await().until(() -> store.queue("uplink").counters().accepted() == 1);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      MessageStore env = store.queue("env-city");
      assertThat(env.counters().buffered()).isEqualTo(2);
      env.enqueue(message(TELEMETRY, 4));
      await().until(() -> env.counters().accepted() == 1);
      assertThat(env.take(10, Duration.ZERO))
          .extracting(StoredMessage::seq)
          .containsExactly(1L, 2L, 3L);
      assertThat(store.queue("uplink").take(10, Duration.ZERO))
          .extracting(StoredMessage::seq)
          .containsExactly(1L);
    }
  }

  @Test
  void aQueueNoLongerConfiguredIsKeptAndListedAnotherNameIsRefused() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      store.queue("env-city").enqueue(message(TELEMETRY, 1));
      await().until(() -> store.queue("env-city").counters().accepted() == 1);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(Stores.settings(dir))) {
      assertThat(store.queues().keySet()).containsExactly("uplink", "env-city");
      assertThat(store.destinations()).as("the queues that are sent").containsExactly("uplink");
      assertThat(store.queue("env-city").counters().buffered()).isEqualTo(1);
      assertThatThrownBy(() -> store.queue("nobody")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anUpgradedFilesUplinkQueueNumbersOnWhereItStoppedWhateverTheOtherQueuesCommitted()
      throws Exception {
    Path release = Path.of("src/test/resources/release-0.1.0");
    Files.copy(release.resolve("buffer.db"), dir.resolve("buffer.db"));
    Files.copy(release.resolve("buffer.db.seq"), dir.resolve("buffer.db.seq"));
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      MessageStore env = store.queue("env-city");
      for (int n = 1; n <= 5; n++) {
        env.enqueue(message(TELEMETRY, n));
      }
      await().until(() -> env.counters().accepted() == 5);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      MessageStore kura = store.queue("uplink");
      kura.enqueue(message(TELEMETRY, 6));
      await().until(() -> kura.counters().accepted() == 1);
      List<StoredMessage> all = kura.take(100, Duration.ZERO);
      assertThat(all.get(all.size() - 1).seq())
          .as("after 40 and the acknowledged 41")
          .isEqualTo(42);
    }
  }

  @Test
  void theReleaseBufferBecomesTheUplinkQueueAndANewDestinationNumbersFromOne() throws Exception {
    Path release = Path.of("src/test/resources/release-0.1.0");
    Files.copy(release.resolve("buffer.db"), dir.resolve("buffer.db"));
    Files.copy(release.resolve("buffer.db.seq"), dir.resolve("buffer.db.seq"));
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(64L << 20))) {
      MessageStore env = store.queue("env-city");
      env.enqueue(message(TELEMETRY, 1));
      store.queue("uplink").enqueue(message(TELEMETRY, 2));
      await().until(() -> env.counters().accepted() == 1);
      await().until(() -> store.queue("uplink").counters().accepted() == 1);
      assertThat(env.take(10, Duration.ZERO)).extracting(StoredMessage::seq).containsExactly(1L);
      assertThat(store.queue("uplink").take(100, Duration.ZERO))
          .extracting(StoredMessage::seq)
          .containsExactlyElementsOf(
              LongStream.concat(LongStream.rangeClosed(5, 40), LongStream.of(42)).boxed().toList());
    }
  }
}
