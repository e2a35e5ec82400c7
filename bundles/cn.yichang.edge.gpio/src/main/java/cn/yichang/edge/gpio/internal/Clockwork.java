package cn.yichang.edge.gpio.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time the input logic runs on: the wall clock and delayed tasks. The gateway uses {@link
 * #system}; tests use a manual one, so that a bouncing edge 1 ms apart is exactly 1 ms apart.
 */
public interface Clockwork {

  Instant now();

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  /** The system clock and one daemon scheduler thread; {@link System#close} stops it. */
  static System system(String threadName) {
    return new System(threadName);
  }

  /** The gateway's clockwork. */
  final class System implements Clockwork, AutoCloseable {
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler;

    private System(String threadName) {
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
              });
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
      ScheduledFuture<?> f =
          scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    }

    /** Runs {@code task} every {@code period}, first after one period. */
    public Cancellable every(Runnable task, Duration period) {
      ScheduledFuture<?> f =
          scheduler.scheduleAtFixedRate(
              task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    }

    @Override
    public void close() {
      scheduler.shutdownNow();
    }
  }
}
