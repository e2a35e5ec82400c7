package cn.yichang.edge.uplink.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter between {@code min} and {@code max}: the n-th delay after a
 * failure is drawn uniformly from {@code [min, min(max, min * 2^n)]}, n counting from 1, so that a
 * thousand gateways that lost the broker at the same instant come back spread out instead of in
 * step. The count starts over when a connection that was usable (BIRTH answered) ends after it held
 * for {@code proven}; one that ends sooner counts as a failure like a refused connect.
 *
 * <p>Not thread-safe: the connection loop alone uses it.
 */
final class ReconnectPolicy {

  /** How long a connection must hold before its end starts the backoff over. */
  static final Duration PROVEN_AFTER = Duration.ofSeconds(60);

  private final long minMs;
  private final long maxMs;
  private final Duration proven;
  private final RandomGenerator random;
  private int failures;

  ReconnectPolicy(Duration min, Duration max, RandomGenerator random) {
    this(min, max, PROVEN_AFTER, random);
  }

  ReconnectPolicy(Duration min, Duration max, Duration proven, RandomGenerator random) {
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
    this.proven = proven;
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

  /** A usable connection ended after {@code held}: long enough, and the backoff starts over. */
  void connectionEnded(Duration held) {
    if (held.compareTo(proven) >= 0) {
      failures = 0;
    }
  }

  int failures() {
    return failures;
  }
}
