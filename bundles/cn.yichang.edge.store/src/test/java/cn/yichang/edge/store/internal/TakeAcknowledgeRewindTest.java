package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.CONTROL;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.number;
import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakeAcknowledgeRewindTest {
  @TempDir Path dir;

  @Test
  void takesHighestPriorityFirstThenOldest() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      Priority[] order = {TELEMETRY, CONTROL, ALARM, TELEMETRY, ALARM, CONTROL};
      for (int n = 0; n < order.length; n++) {
        store.enqueue(message(order[n], n));
      }
      awaitAccepted(store, order.length);

      List<StoredMessage> taken = store.take(10, Duration.ZERO);

      assertThat(taken).extracting(Stores::number).containsExactly(2, 4, 1, 5, 0, 3);
      assertThat(taken)
          .extracting(StoredMessage::priority)
          .containsExactly(ALARM, ALARM, CONTROL, CONTROL, TELEMETRY, TELEMETRY);
    }
  }

  @Test
  void aReopenedFileHandsOutWhatItHoldsOfEveryPriority() throws Exception {
    Priority[] order = {TELEMETRY, CONTROL, ALARM, TELEMETRY, ALARM, CONTROL};
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < order.length; n++) {
        store.enqueue(message(order[n], n));
      }
      awaitAccepted(store, order.length);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.take(10, Duration.ZERO))
          .extracting(Stores::number)
          .containsExactly(2, 4, 1, 5, 0, 3);
      store.enqueue(message(CONTROL, 6));
      awaitAccepted(store, 1);
      assertThat(store.take(10, Duration.ZERO)).extracting(Stores::number).containsExactly(6);
    }
  }

  @Test
  void aLaterAlarmOvertakesTelemetryNotTakenYet() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 4; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 4);
      assertThat(store.take(2, Duration.ZERO)).extracting(Stores::number).containsExactly(0, 1);

      store.enqueue(message(ALARM, 9));
      awaitAccepted(store, 5);

      assertThat(store.take(10, Duration.ZERO)).extracting(Stores::number).containsExactly(9, 2, 3);
    }
  }

  @Test
  void takeWaitsForTheNextCommitAndReturnsEmptyAfterItsWait() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      long start = System.nanoTime();
      assertThat(store.take(10, Duration.ofMillis(100))).isEmpty();
      assertThat(System.nanoTime() - start)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

      CompletableFuture<List<StoredMessage>> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return store.take(10, Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      store.enqueue(message(CONTROL, 7));

      assertThat(waiting.get(10, TimeUnit.SECONDS)).extracting(Stores::number).containsExactly(7);
    }
  }

  @Test
  void noMessageIsLostOrTakenTwiceAndAcknowledgedOnesNeverComeBack() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      int total = 300;
      for (int n = 0; n < total; n++) {
        store.enqueue(message(Priority.values()[n % 3], n));
      }
      awaitAccepted(store, total);

      List<StoredMessage> first = new ArrayList<>();
      for (List<StoredMessage> got; !(got = store.take(7, Duration.ZERO)).isEmpty(); ) {
        first.addAll(got);
      }
      assertThat(first).extracting(Stores::number).doesNotHaveDuplicates().hasSize(total);
      assertThat(first).isSortedAccordingTo(TakeAcknowledgeRewindTest::sendingOrder);

      Set<Integer> acknowledged = new HashSet<>();
      for (StoredMessage m : first) {
        if (number(m) % 2 == 0) {
          store.acknowledge(m.id());
          acknowledged.add(number(m));
        }
      }
      store.rewind();

      List<StoredMessage> again = takeAll(store, total);
      assertThat(again).hasSize(total - acknowledged.size());
      assertThat(again).extracting(Stores::number).doesNotContainAnyElementsOf(acknowledged);
      assertThat(again).isSortedAccordingTo(TakeAcknowledgeRewindTest::sendingOrder);
      assertThat(store.counters().acknowledged()).isEqualTo(acknowledged.size());

      again.forEach(m -> store.acknowledge(m.id()));
      store.rewind();
      assertThat(store.take(total, Duration.ZERO)).isEmpty();
      assertThat(store.counters().buffered()).isZero();
      assertThat(store.counters().acknowledged()).isEqualTo(total);
    }
  }

  @Test
  void rewindCommitsPendingAcknowledgementsFirst() throws Exception {
    // Groups close by count (10) here; acknowledgements alone would wait a minute for a commit.
    StoreSettings s = Stores.withCommits(settings(dir), Duration.ofMinutes(1), 10);
    try (SqliteMessageStore store = SqliteMessageStore.open(s)) {
      for (int n = 0; n < 10; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 10);
      List<StoredMessage> taken = store.take(10, Duration.ZERO);
      taken.subList(0, 4).forEach(m -> store.acknowledge(m.id()));

      store.rewind();

      assertThat(store.counters().acknowledged()).isEqualTo(4);
      assertThat(store.take(10, Duration.ZERO))
          .extracting(Stores::number)
          .containsExactly(4, 5, 6, 7, 8, 9);
    }
  }

  @Test
  void runsOfAcknowledgedIdsAcrossPrioritiesDeleteExactlyThoseRows() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      Priority[] order = {
        TELEMETRY, ALARM, TELEMETRY, CONTROL, TELEMETRY, TELEMETRY, ALARM, TELEMETRY, TELEMETRY,
        TELEMETRY, CONTROL, TELEMETRY
      };
      for (int n = 0; n < order.length; n++) {
        store.enqueue(message(order[n], n));
      }
      awaitAccepted(store, order.length);
      List<StoredMessage> taken = store.take(order.length, Duration.ZERO);
      // by sequence (= id): runs 0-3 and 6-8 (each mixing priorities), 10 alone; 4, 5, 9, 11 kept
      Set<Integer> acknowledged = Set.of(0, 1, 2, 3, 6, 7, 8, 10);
      taken.stream()
          .filter(m -> acknowledged.contains(number(m)))
          .forEach(m -> store.acknowledge(m.id()));
      store.rewind(); // commits the deletions

      assertThat(store.counters().acknowledged()).isEqualTo(acknowledged.size());
      assertThat(store.counters().buffered()).isEqualTo(4);
      assertThat(store.take(order.length, Duration.ZERO))
          .extracting(Stores::number)
          .containsExactlyInAnyOrder(4, 5, 9, 11);
    }
  }

  @Test
  void acknowledgingAnUnknownIdDoesNothing() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(ALARM, 1));
      awaitAccepted(store, 1);
      store.acknowledge(12345);
      store.rewind();
      assertThat(store.counters().acknowledged()).isZero();
      assertThat(store.take(10, Duration.ZERO)).hasSize(1);
    }
  }

  static int sendingOrder(StoredMessage a, StoredMessage b) {
    int byPriority = b.priority().compareTo(a.priority());
    return byPriority != 0 ? byPriority : a.created().compareTo(b.created());
  }

  @Test
  void aGroupsWorthOfAcknowledgementsIsDeletedWithoutWaitingForTheInterval() throws Exception {
    // A minute between groups: only the acknowledgements can make the writer commit.
    StoreSettings settings = Stores.withCommits(settings(dir), Duration.ofMinutes(1), 50);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      for (int n = 0; n < 50; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 50);

      store.take(50, Duration.ZERO).forEach(m -> store.acknowledge(m.id()));

      await().atMost(Stores.LONG).until(() -> store.counters().acknowledged() == 50);
      assertThat(store.counters().buffered()).isZero();
    }
  }
}
