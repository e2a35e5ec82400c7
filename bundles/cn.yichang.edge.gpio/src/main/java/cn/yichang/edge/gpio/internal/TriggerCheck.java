package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.PinCheck;
import cn.yichang.edge.gpio.internal.pins.DigitalInputs;
import cn.yichang.edge.gpio.internal.pins.Pi4jInputs;
import cn.yichang.edge.profile.GpioSpec.Pull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The installer's check of GPIO inputs, outside the gateway ({@code commission}, on a plain class
 * path): the site's provider opened as the gateway opens it ({@code auto}: gpiod when the board has
 * a GPIO chip, else the mock; the mock plays the site's event script from the moment this opens, so
 * a bench rig can be commissioned), then one pin at a time: its level now, and the first change
 * that outlasts the profile's debounce ({@link LevelFilter}, as the gateway debounces it), waited
 * for with a deadline.
 */
public final class TriggerCheck implements PinCheck {

  private final Pi4jInputs inputs;
  private final ScriptPlayer player;
  private final Clockwork.System clockwork;

  private TriggerCheck(Pi4jInputs inputs, ScriptPlayer player, Clockwork.System clockwork) {
    this.inputs = inputs;
    this.player = player;
    this.clockwork = clockwork;
  }

  /**
   * @param provider {@code auto}, {@code mock}, {@code gpiod} or {@code linuxfs}
   * @param script the mock's event script; null for none
   * @param scale what the script's times are multiplied by
   * @throws IllegalArgumentException for an unknown provider, a script for another provider than
   *     the mock, or a script with problems ({@code FILE:LINE: field: message})
   * @throws RuntimeException (Pi4J's) when the provider cannot start on this machine
   */
  public static TriggerCheck open(String provider, Path script, double scale) {
    String chosen = GpioStart.provider(provider);
    EventScript events = GpioStart.script(chosen, script, scale);
    Pi4jInputs inputs = Pi4jInputs.open(chosen);
    ScriptPlayer player = events == null ? null : ScriptPlayer.start(events, inputs);
    return new TriggerCheck(inputs, player, Clockwork.system("gpio-commission"));
  }

  /** The provider in use: {@code mock}, {@code gpiod} or {@code linuxfs}. */
  @Override
  public String provider() {
    return inputs.provider();
  }

  /**
   * Opens a pin as an input.
   *
   * @param debounce how long a level must stay to count as a change
   * @throws IllegalStateException when the pin is already open or the provider refuses it
   */
  @Override
  public Pin open(int pin, Pull pull, Duration debounce) {
    return new Pin(pin, pull, debounce);
  }

  @Override
  public void close() {
    if (player != null) {
      player.close();
    }
    clockwork.close();
    inputs.close();
  }

  /** One open pin, watched for a debounced change. */
  public final class Pin implements PinCheck.Pin {
    private final Object lock = new Object();
    private final DigitalInputs.InputLine line;
    private final boolean initial;
    private LevelFilter filter;
    private boolean settled;
    private Instant settledSince;
    private boolean changed;

    private Pin(int pin, Pull pull, Duration debounce) {
      synchronized (lock) {
        this.line = inputs.open(pin, pull, this::edge);
        this.initial = line.high();
        this.filter =
            new LevelFilter(
                clockwork,
                debounce,
                debounce,
                initial,
                clockwork.now(),
                lock,
                (high, since) -> {
                  if (!changed) {
                    changed = true;
                    settled = high;
                    settledSince = since;
                  }
                  lock.notifyAll();
                });
      }
    }

    private void edge(boolean high) {
      synchronized (lock) {
        if (filter != null) {
          filter.input(high, clockwork.now());
        }
      }
    }

    /** The level when the pin was opened. */
    @Override
    public boolean high() {
      return initial;
    }

    /**
     * Waits for the first debounced change since the pin was opened.
     *
     * @return the change, or empty when none came within {@code timeout}
     */
    @Override
    public Optional<Change> awaitChange(Duration timeout) throws InterruptedException {
      Instant start = clockwork.now();
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (lock) {
        long left;
        while (!changed && (left = deadline - System.nanoTime()) > 0) {
          lock.wait(Math.max(1, left / 1_000_000));
        }
        if (!changed) {
          return Optional.empty();
        }
        Duration after = Duration.between(start, settledSince);
        return Optional.of(new Change(settled, after.isNegative() ? Duration.ZERO : after));
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        if (filter != null) {
          filter.cancel();
          filter = null;
        }
      }
      line.close();
    }
  }
}
