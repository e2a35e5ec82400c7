package cn.yichang.edge.sim.profile;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Advances a set of units in real time, every {@code period}, by the real time that passed times
 * {@code speed}: at 60x a rig shows an hour of a field in a minute (a car that stays 5-60 min stays
 * 5-60 s). One daemon thread; {@link #close()} stops it.
 */
public final class ValueTicker implements AutoCloseable {

  private final List<ProfileUnit> units;
  private final double speed;
  private final ScheduledExecutorService executor;
  private long last;

  private ValueTicker(Collection<ProfileUnit> units, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.units = List.copyOf(units);
    this.speed = speed;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sim-values");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Advances in real time (speed 1). */
  public static ValueTicker start(Collection<ProfileUnit> units, Duration period) {
    return start(units, period, 1);
  }

  /** Advances by {@code speed} times the real time that passed, every {@code period}. */
  public static ValueTicker start(Collection<ProfileUnit> units, Duration period, double speed) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    ValueTicker ticker = new ValueTicker(units, speed);
    ticker.last = System.nanoTime();
    ticker.executor.scheduleAtFixedRate(
        ticker::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return ticker;
  }

  public double speed() {
    return speed;
  }

  private void tick() {
    long now = System.nanoTime();
    Duration elapsed = Duration.ofNanos(Math.round((now - last) * speed));
    last = now;
    for (ProfileUnit unit : units) {
      try {
        unit.advance(elapsed);
      } catch (RuntimeException e) {
        // one broken model must not stop the others, nor the ticker (a scheduled task that throws
        // is never run again)
        System.err.println("sim-values: " + unit.profileId() + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
