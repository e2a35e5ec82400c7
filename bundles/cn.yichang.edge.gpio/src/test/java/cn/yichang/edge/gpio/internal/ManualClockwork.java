package cn.yichang.edge.gpio.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** Time that moves only when a test says so; due tasks run in time order, on the test's thread. */
final class ManualClockwork implements Clockwork {
  static final Instant START = Instant.parse("2026-11-29T08:00:00Z");

  private record Task(Instant due, long order, Runnable run, boolean[] cancelled) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
  private Instant now = START;
  private long order;

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    boolean[] cancelled = {false};
    tasks.add(new Task(now.plus(delay), order++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Moves to {@code START + offset}, running every task due on the way. */
  void advanceTo(Duration offset) {
    Instant target = START.plus(offset);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target.isAfter(now) ? target : now;
          return;
        }
        tasks.poll();
        now = next.due;
      }
      if (!next.cancelled[0]) {
        next.run.run();
      }
    }
  }

  Duration elapsed() {
    return Duration.between(START, now());
  }
}
