package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The process {@link KillNineTest} kills: enqueues messages into a new store as fast as the store
 * commits them and prints {@code committed N} whenever the count of committed messages changes. The
 * file is new, so the highest committed sequence number is N.
 */
public final class KillNineChild {
  private KillNineChild() {}

  public static void main(String[] args) {
    StoreSettings settings =
        new StoreSettings(
            Path.of(args[0]), 64L << 20, Duration.ofMillis(10), 200, 20_000, 8L << 20);
    SqliteMessageStore store = SqliteMessageStore.open(settings);
    long reported = 0;
    for (int n = 0; ; n++) {
      Priority priority = Priority.values()[n % 3];
      store.enqueue(new OutboundMessage("t/" + n, priority, new byte[200], Instant.now()));
      long committed;
      // Stay a few groups ahead of the writer so that nothing is refused by the queue.
      while ((committed = store.counters().accepted()) < n - 2_000) {
        LockSupport.parkNanos(100_000);
      }
      if (committed != reported) {
        reported = committed;
        System.out.println("committed " + committed);
        System.out.flush();
      }
    }
  }
}
