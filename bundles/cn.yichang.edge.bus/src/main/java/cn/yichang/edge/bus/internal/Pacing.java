package cn.yichang.edge.bus.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits to a System.nanoTime deadline with microsecond precision: a park wakes 50-100 us late on
 * Linux (timer slack), which at 115200 baud is a tenth of a transaction, so the last stretch is
 * spun.
 */
final class Pacing {
  static final long SPIN_NANOS = 150_000L;

  private Pacing() {}

  static void waitUntil(long deadlineNanos) throws InterruptedException {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > SPIN_NANOS) {
      LockSupport.parkNanos(remaining - SPIN_NANOS);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    while (deadlineNanos - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }
}
