package cn.yichang.edge.uplink.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter between {@code min} and {@code max}: the n-th delay after a
 * failure is drawn uniformly from {@code [min, min(max, min * 2^n)]}, n counting from 1, so that a
 * thousand gateways that lost the broker at the same instant come back spread out instead of in
 * step. {@link #reset()} after a successful connection.
 *
 * <p>Not thread-safe: the connection loop alone uses it.
 */
final class ReconnectPolicy {

  private final long minMs;
  private final long maxMs;
  private final RandomGenerator random;
  private int failures;

  ReconnectPolicy(Duration min, Duration max, RandomGenerator random) {
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException(
          "reconnect.min.ms must be positive, not " + min.toMillis());
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "reconnect.max.ms ("
              + max.toMillis()
              + ") must not be below reconnect.min.ms ("
              + min.toMillis()
              + ")");
    }
    this.minMs = min.toMillis();
    this.maxMs = max.toMillis();
    this.random = random;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  Duration nextDelay() {
    failures = Math.min(failures + 1, 62);
    long ceiling = ceilingMs(failures);
    long delay = ceiling == minMs ? minMs : random.nextLong(minMs, ceiling + 1);
    return Duration.ofMillis(delay);
  }

  /** The upper bound of the n-th delay, n counting from 1. */
  long ceilingMs(int failure) {
    int shift = Math.min(failure, 62);
    long ceiling = minMs > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : minMs << shift;
    return Math.min(maxMs, ceiling);
  }

  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
