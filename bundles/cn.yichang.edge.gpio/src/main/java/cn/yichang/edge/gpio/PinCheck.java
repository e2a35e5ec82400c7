package cn.yichang.edge.gpio;

import cn.yichang.edge.gpio.internal.TriggerCheck;
import cn.yichang.edge.profile.GpioSpec.Pull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The installer's check of GPIO inputs outside the gateway ({@code commission}, on a plain class
 * path): the gateway's provider and debounce, a pin at a time.
 */
@ProviderType
public interface PinCheck extends AutoCloseable {

  /**
   * A debounced change of a pin.
   *
   * @param high the level it settled at
   * @param after from the start of the wait to the first edge of the stable run (zero when it
   *     changed before the wait began)
   */
  record Change(boolean high, Duration after) {}

  /**
   * @param provider {@code auto}, {@code mock}, {@code gpiod} or {@code linuxfs}
   * @param script the mock's event script; null for none
   * @param scale what the script's times are multiplied by
   * @throws IllegalArgumentException for an unknown provider, a script for another provider than
   *     the mock, or a script with problems ({@code FILE:LINE: field: message})
   * @throws RuntimeException (Pi4J's) when the provider cannot start on this machine
   */
  static PinCheck open(String provider, Path script, double scale) {
    return TriggerCheck.open(provider, script, scale);
  }

  /** The provider in use: {@code mock}, {@code gpiod} or {@code linuxfs}. */
  String provider();

  /** Opens a pin as an input with the given pull, debounced like the gateway's. */
  Pin open(int pin, Pull pull, Duration debounce);

  @Override
  void close();

  /** One pin being watched. */
  interface Pin extends AutoCloseable {
    /** Its level now. */
    boolean high();

    /** The first debounced change within {@code timeout}; empty when none came. */
    Optional<Change> awaitChange(Duration timeout) throws InterruptedException;

    @Override
    void close();
  }
}
