package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.meta;
import static cn.yichang.edge.store.internal.Stores.settings;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.store.StoreHistory;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The totals since the file was created and the unclean-stop flag, on real files across reopens.
 * (kill -9: {@link KillNineTest}; a full disk: {@link FullDiskTest}.)
 */
class StoreHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-29T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void lossesSurviveReopensAndACleanCloseIsNotFlagged() throws Exception {
    assertThat(loseToAFullQueue(150)).isEqualTo(150);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      StoreHistory h = store.history();
      assertThat(store.counters().lost()).isZero(); // since start
      assertThat(h.lost()).isEqualTo(150); // since the file was created
      assertThat(h.uncleanStop()).isFalse();
      assertThat(h.lastCommit()).isNull();
      assertThat(h.uncleanCause()).isNull();
    }
    assertThat(loseToAFullQueue(10)).isEqualTo(160);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.history().lost()).isEqualTo(160);
      assertThat(store.history().uncleanStop()).isFalse();
    }
  }

  @Test
  void evictionsAreCountedInTheFileAndSurviveAReopen() throws Exception {
    long evicted;
    Path db = settings(dir).path();
    try (SqliteMessageStore store =
        SqliteMessageStore.open(Stores.withLimit(settings(dir), 256 * 1024))) {
      for (int n = 0; n < 640; n++) {
        store.enqueue(message(TELEMETRY, n, 1000));
      }
      awaitAccepted(store, 640);
      evicted = store.counters().evicted();
      assertThat(evicted).isPositive();
      assertThat(store.history().evicted()).isEqualTo(evicted);
      // in the file already, not only at close
      assertThat(meta(db, "evicted")).isEqualTo(evicted);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.counters().evicted()).isZero();
      assertThat(store.history().evicted()).isEqualTo(evicted);
      assertThat(store.history().lost()).isZero();
    }
  }

  @Test
  void aDamagedFileIsFlaggedAndItsReadableTotalsCarryOn() throws Exception {
    loseToAFullQueue(150);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 2000; n++) {
        store.enqueue(message(TELEMETRY, n, 200));
      }
      awaitAccepted(store, 2000);
    }
    Path db = settings(dir).path();
    long lastCommit = meta(db, MetaTable.LAST_COMMIT);
    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      file.setLength(file.length() / 2); // the meta table, in the first pages, stays readable
    }

    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir), CLOCK)) {
      assertThat(store.counters().corruptDatabasesMovedAside()).isEqualTo(1);
      StoreHistory h = store.history();
      assertThat(h.lost()).isEqualTo(150);
      assertThat(h.uncleanStop()).isTrue();
      assertThat(h.uncleanCause()).contains("damaged");
      assertThat(h.lastCommit()).isEqualTo(Instant.ofEpochMilli(lastCommit));
    }
    // the new file has the totals in its own meta table
    assertThat(meta(db, "lost")).isEqualTo(150);
  }

  @Test
  void aMissingFileThatExistedBeforeIsFlagged() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(TELEMETRY, 1));
      awaitAccepted(store, 1);
      assertThat(store.history().uncleanStop()).isFalse(); // a new file is no incident
    }
    Files.delete(settings(dir).path());

    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.history().uncleanStop()).isTrue();
      assertThat(store.history().uncleanCause()).contains("missing");
      assertThat(store.history().lastCommit()).isNull();
    }
  }

  /**
   * Opens the store with a queue of 10 and groups that wait a minute, enqueues {@code 10 + lose}
   * messages (the queue refuses the rest at once) and closes it, which commits the 10.
   *
   * @return the file's lost total as the store saw it before closing
   */
  private long loseToAFullQueue(int lose) {
    StoreSettings s =
        Stores.withQueue(Stores.withCommits(settings(dir), Duration.ofMinutes(1), 500), 10);
    try (SqliteMessageStore store = SqliteMessageStore.open(s)) {
      for (int n = 0; n < 10 + lose; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      assertThat(store.counters().lost()).isEqualTo(lose);
      return store.history().lost();
    }
  }
}
