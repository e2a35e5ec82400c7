package cn.yichang.edge.hj212.internal.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between connection attempts: doubling from {@code min} to {@code max}, each drawn between
 * half and the whole of it, so that a thousand stations do not call a restarted platform at once.
 */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private Duration next;

  Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
    this.next = min;
  }

  Duration next() {
    Duration d = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    long half = d.toMillis() / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  void reset() {
    next = min;
  }
}
