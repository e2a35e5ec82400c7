package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.internal.pins.Pi4jInputs;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays an {@link EventScript} on the mock provider's pins, from now on, on its own thread. */
final class ScriptPlayer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptPlayer.class);

  /** Lateness the script absorbs without shifting (sleep's own jitter). */
  private static final long LATE_TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private final ScheduledExecutorService thread;

  private ScriptPlayer(ScheduledExecutorService thread) {
    this.thread = thread;
  }

  static ScriptPlayer start(EventScript script, Pi4jInputs pins) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gpio-script");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    // One task that waits for each step in turn, so steps 1 ms apart stay in order. When the
    // machine makes it late, the rest of the script shifts by as much: a 60 ms press stays 60 ms
    // instead of collapsing into its release.
    thread.execute(
        () -> {
          long late = 0;
          for (EventScript.Step step : script.steps()) {
            long due = start + step.offset().toNanos() + late;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
              try {
                TimeUnit.NANOSECONDS.sleep(wait);
              } catch (InterruptedException e) {
                return; // closed
              }
            }
            late += Math.max(0, -wait - LATE_TOLERANCE_NANOS);
            try {
              pins.drive(step.pin(), step.high());
            } catch (RuntimeException e) {
              LOG.warn("GPIO script: pin {} not set: {}", step.pin(), e.toString());
            }
          }
          LOG.info("GPIO script: all {} events played", script.steps().size());
        });
    return new ScriptPlayer(thread);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
