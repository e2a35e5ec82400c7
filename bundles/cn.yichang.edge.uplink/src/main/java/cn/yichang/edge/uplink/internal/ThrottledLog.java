package cn.yichang.edge.uplink.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One WARN line per interval for a kind of event that can repeat with every message (a refusal, a
 * message set aside): the first is logged in full, the rest within the interval only counted, and
 * the count goes with the next line.
 */
final class ThrottledLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong unlogged = new AtomicLong();
  private volatile long lastLogged;

  ThrottledLog(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  /** Logs {@code message} unless a line went out within the interval; thread-safe. */
  void warn(String message) {
    long now = System.nanoTime();
    long last = lastLogged;
    if (last != 0 && now - last < intervalNanos) {
      unlogged.incrementAndGet();
      return;
    }
    lastLogged = now;
    long skipped = unlogged.getAndSet(0);
    log.warn(
        "{}{} (more within {} s are only counted)",
        message,
        skipped == 0 ? "" : "; " + skipped + " more since the last such line",
        Duration.ofNanos(intervalNanos).toSeconds());
  }
}
