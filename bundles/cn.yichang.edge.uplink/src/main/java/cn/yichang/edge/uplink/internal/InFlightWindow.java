package cn.yichang.edge.uplink.internal;

import java.time.Duration;

/**
 * How many QoS 1 publishes may await their acknowledgement. Each connection opens a new generation:
 * completions that arrive late from an earlier connection do not free slots of the current one.
 */
final class InFlightWindow {

  private int capacity;
  private int used;
  private long generation;

  /** Starts a new generation with {@code capacity} free slots; returns its number. */
  synchronized long open(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("in-flight window must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.used = 0;
    notifyAll();
    return ++generation;
  }

  /** Closes the current generation: nothing is in flight any more, nothing may be acquired. */
  synchronized void close() {
    capacity = 0;
    used = 0;
    generation++;
    notifyAll();
  }

  /**
   * Waits up to {@code wait} for at least one free slot.
   *
   * @return the number of free slots, 0 when none freed within the wait
   */
  synchronized int awaitFree(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (capacity - used <= 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return 0;
      }
      waitNanos(left);
    }
    return capacity - used;
  }

  /** Takes one slot of generation {@code gen}; false when that generation is over or full. */
  synchronized boolean acquire(long gen) {
    if (gen != generation || used >= capacity) {
      return false;
    }
    used++;
    return true;
  }

  /** Whether generation {@code gen} is still the open one. */
  synchronized boolean isOpen(long gen) {
    return gen == generation && capacity > 0;
  }

  /** Frees a slot taken in generation {@code gen}; ignored when that generation is over. */
  synchronized void release(long gen) {
    if (gen == generation && used > 0) {
      used--;
      notifyAll();
    }
  }

  /** Waits up to {@code wait} until nothing is in flight; true when that happened. */
  synchronized boolean awaitEmpty(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (used > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      waitNanos(left);
    }
    return true;
  }

  synchronized int inFlight() {
    return used;
  }

  synchronized int capacity() {
    return capacity;
  }

  private void waitNanos(long nanos) throws InterruptedException {
    wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000));
  }
}
