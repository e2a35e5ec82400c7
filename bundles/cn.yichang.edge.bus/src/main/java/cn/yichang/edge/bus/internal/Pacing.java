package cn.yichang.edge.bus.internal;

import java.util.concurrent.locks.LockSupport;

/** Waits to a System.nanoTime deadline with sub-millisecond precision. */
final class Pacing {
  private Pacing() {}

  static void waitUntil(long deadlineNanos) throws InterruptedException {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
