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
    // One task that waits for each step in turn: steps 1 ms apart stay in order and on time.
    thread.execute(
        () -> {
          for (EventScript.Step step : script.steps()) {
            long due = start + step.offset().toNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
              try {
                TimeUnit.NANOSECONDS.sleep(wait);
              } catch (InterruptedException e) {
                return; // closed
              }
            }
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
