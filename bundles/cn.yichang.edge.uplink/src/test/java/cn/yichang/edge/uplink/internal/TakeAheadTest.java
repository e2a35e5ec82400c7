package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TakeAheadTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  @Test
  void handsOverEveryMessageInTheOrderTakenInBatchesOfTheGivenSize() throws Exception {
    FakeMessageStore store = new FakeMessageStore();
    for (int i = 0; i < 25; i++) {
      store.enqueue(telemetry(i));
    }
    List<Long> ids = new ArrayList<>();
    try (TakeAhead ahead = TakeAhead.start(store, 10, POLL)) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (ids.size() < 25 && System.nanoTime() < deadline) {
        List<StoredMessage> batch = ahead.next(POLL);
        assertThat(batch).hasSizeLessThanOrEqualTo(10);
        batch.forEach(m -> ids.add(m.id()));
      }
    }
    assertThat(ids)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
  }

  @Test
  void holdsAtMostOneBatchReadyBeyondTheOneHandedOver() throws Exception {
    FakeMessageStore store = new FakeMessageStore();
    for (int i = 0; i < 100; i++) {
      store.enqueue(telemetry(i));
    }
    try (TakeAhead ahead = TakeAhead.start(store, 10, POLL)) {
      assertThat(ahead.next(WAIT)).hasSize(10);
      // the thread takes the next batch and waits to hand it over; it takes no third one
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (taken(store) < 20 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(taken(store)).isEqualTo(20);
      ahead.next(WAIT); // the ready one; the thread may now take a third
      deadline = System.nanoTime() + WAIT.toNanos();
      while (taken(store) < 30 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(taken(store)).isEqualTo(30);
    }
  }

  @Test
  void closeReturnsOnlyAfterATakeInProgressHasEnded() throws Exception {
    CountDownLatch inTake = new CountDownLatch(1);
    AtomicBoolean takeEnded = new AtomicBoolean();
    AtomicInteger takes = new AtomicInteger();
    MessageStore slow =
        new EmptyStore() {
          @Override
          public List<StoredMessage> take(int max, Duration wait) {
            takes.incrementAndGet();
            inTake.countDown();
            // a take busy in SQLite does not notice interrupts: ends on its own, 300 ms later
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            takeEnded.set(true);
            return List.of();
          }
        };
    TakeAhead ahead = TakeAhead.start(slow, 10, POLL);
    assertThat(inTake.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    ahead.close();
    assertThat(takeEnded).isTrue();
    int after = takes.get();
    assertThat(after).isEqualTo(1); // no take after close
  }

  @Test
  void closeInterruptsATakeWaitingForMessages() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    MessageStore idle =
        new EmptyStore() {
          @Override
          public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
            waiting.countDown();
            try {
              new CountDownLatch(1).await(); // waits for a commit that never comes
            } catch (InterruptedException e) {
              interrupted.set(true);
              throw e;
            }
            return List.of();
          }
        };
    TakeAhead ahead = TakeAhead.start(idle, 10, Duration.ofHours(1));
    assertThat(waiting.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    ahead.close();
    assertThat(interrupted).isTrue();
  }

  @Test
  void aStoreFailureReachesTheDrainer() throws Exception {
    MessageStore broken =
        new EmptyStore() {
          @Override
          public List<StoredMessage> take(int max, Duration wait) {
            throw new IllegalStateException("disk I/O error");
          }
        };
    try (TakeAhead ahead = TakeAhead.start(broken, 10, POLL)) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      RuntimeException seen = null;
      while (seen == null && System.nanoTime() < deadline) {
        try {
          ahead.next(POLL);
        } catch (IllegalStateException e) {
          seen = e;
        }
      }
      assertThat(seen).hasMessage("disk I/O error");
      assertThatThrownBy(() -> ahead.next(POLL)).hasMessage("disk I/O error");
    }
  }

  @Test
  void anErrorOnTheTakingThreadReachesTheDrainerToo() throws Exception {
    MessageStore failing =
        new EmptyStore() {
          @Override
          public List<StoredMessage> take(int max, Duration wait) {
            throw new OutOfMemoryError("Java heap space");
          }
        };
    try (TakeAhead ahead = TakeAhead.start(failing, 10, POLL)) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      Error seen = null;
      while (seen == null && System.nanoTime() < deadline) {
        try {
          ahead.next(POLL);
        } catch (OutOfMemoryError e) {
          seen = e;
        }
      }
      assertThat(seen).hasMessage("Java heap space");
    }
  }

  private static int taken(FakeMessageStore store) {
    // every take so far, counted by the fake per id
    return store.takeCount();
  }

  private static OutboundMessage telemetry(int i) {
    return new OutboundMessage(
        "acct/gw/app/dev", Priority.TELEMETRY, new byte[] {(byte) i}, Instant.EPOCH);
  }

  private abstract static class EmptyStore implements MessageStore {
    @Override
    public void enqueue(OutboundMessage message) {}

    @Override
    public void acknowledge(long id) {}

    @Override
    public void split(long id, byte[] first, List<OutboundMessage> rest) {}

    @Override
    public void setAside(long id, String reason) {}

    @Override
    public void rewind() {}

    @Override
    public StoreCounters counters() {
      return new StoreCounters(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public StoreHistory history() {
      return new StoreHistory(0, 0, 0, false, null, null);
    }
  }
}
