package cn.yichang.edge.gpio.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets a level through once it has stayed for a while: {@code toActive} for the active level,
 * {@code toInactive} for the inactive one. Edges that come back before then are dropped, so a
 * contact bouncing 1 ms apart, or a car backing out of a bay and in again, yields one change. A
 * change passes on the time its stable run began (the first edge of it), not the time it was
 * confirmed. Not thread-safe: the owner serialises calls, timer callbacks included.
 */
final class LevelFilter {

  /** Hears the confirmed changes. */
  @FunctionalInterface
  interface Listener {
    void changed(boolean active, Instant since);
  }

  private final Clockwork clockwork;
  private final Duration toActive;
  private final Duration toInactive;
  private final Listener listener;
  private final Object lock;

  private boolean input;
  private Instant inputSince;
  private boolean output;
  private Clockwork.Cancellable pending;
  private long generation;

  /**
   * @param lock what timer callbacks synchronise on (the owner's lock)
   */
  LevelFilter(
      Clockwork clockwork,
      Duration toActive,
      Duration toInactive,
      boolean initial,
      Instant since,
      Object lock,
      Listener listener) {
    this.clockwork = clockwork;
    this.toActive = toActive;
    this.toInactive = toInactive;
    this.listener = listener;
    this.lock = lock;
    this.input = initial;
    this.inputSince = since;
    this.output = initial;
  }

  boolean output() {
    return output;
  }

  /** A level seen at {@code at} (at or before now). */
  void input(boolean active, Instant at) {
    if (active == input) {
      return;
    }
    if (pending != null && !at.isBefore(inputSince.plus(wait(input)))) {
      // the run before this edge lasted long enough: its timer is late (a busy machine), not due
      pending.cancel();
      pending = null;
      settle(input, inputSince);
    }
    input = active;
    inputSince = at;
    generation++;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    if (active == output) {
      return; // back where it was before the run could count: a bounce
    }
    Duration left = wait(active).minus(Duration.between(at, clockwork.now()));
    if (left.isZero() || left.isNegative()) {
      settle(active, at);
      return;
    }
    long expected = generation;
    pending =
        clockwork.schedule(
            () -> {
              synchronized (lock) {
                if (generation == expected && input == active && output != active) {
                  pending = null;
                  settle(active, inputSince);
                }
              }
            },
            left);
  }

  private Duration wait(boolean active) {
    return active ? toActive : toInactive;
  }

  /** Drops a pending change (the device is closing). */
  void cancel() {
    generation++;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  private void settle(boolean active, Instant since) {
    output = active;
    listener.changed(active, since);
  }
}
