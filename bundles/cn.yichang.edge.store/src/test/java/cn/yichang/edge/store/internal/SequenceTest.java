package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceTest {
  @TempDir Path dir;

  @Test
  void sequenceIsGapFreeInCommitOrderAndContinuesAfterReopening() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 1000; n++) {
        store.enqueue(message(Priority.values()[n % 3], n));
      }
      awaitAccepted(store, 1000);
      List<StoredMessage> all = takeAll(store, 1000);
      assertThat(all).hasSize(1000);
      // One producer: commit order is its order, so message n has seq n + 1.
      assertThat(all).allSatisfy(m -> assertThat(m.seq()).isEqualTo(Stores.number(m) + 1L));
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.counters().buffered()).isEqualTo(1000);
      for (int n = 1000; n < 1010; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 10);
      assertThat(seqs(takeAll(store, 2000))).isEqualTo(LongStream.rangeClosed(1, 1010).toArray());
    }
  }

  @Test
  void sequenceContinuesAfterTheBufferWasEmptied() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 50; n++) {
        store.enqueue(message(ALARM, n));
      }
      awaitAccepted(store, 50);
      takeAll(store, 50).forEach(m -> store.acknowledge(m.id()));
      await().until(() -> store.counters().buffered() == 0);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.counters().buffered()).isZero();
      store.enqueue(message(TELEMETRY, 50));
      awaitAccepted(store, 1);
      assertThat(takeAll(store, 1)).extracting(StoredMessage::seq).containsExactly(51L);
    }
  }

  @Test
  void aDeletedBufferFileContinuesAboveTheReservedCeilingNotAtOne() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 10; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 10);
    }
    Path ceilingFile = dir.resolve("buffer.db.seq");
    long ceiling = Long.parseLong(Files.readString(ceilingFile).trim());
    assertThat(ceiling).isGreaterThan(10);
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(dir.resolve("buffer.db" + suffix));
    }

    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(TELEMETRY, 10));
      awaitAccepted(store, 1);
      assertThat(takeAll(store, 1)).extracting(StoredMessage::seq).containsExactly(ceiling);
    }
    assertThat(Long.parseLong(Files.readString(ceilingFile).trim())).isGreaterThan(ceiling);
  }

  @Test
  void theCeilingIsRaisedOnlyOncePerBlock() throws Exception {
    Path ceilingFile = dir.resolve("buffer.db.seq");
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(TELEMETRY, 0));
      awaitAccepted(store, 1);
      long first = Long.parseLong(Files.readString(ceilingFile).trim());
      for (int n = 1; n < 500; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 500);
      assertThat(Long.parseLong(Files.readString(ceilingFile).trim())).isEqualTo(first);
    }
  }

  static long[] seqs(List<StoredMessage> messages) {
    return messages.stream()
        .sorted(Comparator.comparingLong(StoredMessage::seq))
        .mapToLong(StoredMessage::seq)
        .toArray();
  }
}
