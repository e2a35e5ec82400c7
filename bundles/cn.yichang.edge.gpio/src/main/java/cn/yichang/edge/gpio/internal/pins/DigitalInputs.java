package cn.yichang.edge.gpio.internal.pins;

import cn.yichang.edge.profile.GpioSpec.Pull;

/**
 * The board's digital inputs: the small interface the GPIO devices use, implemented over Pi4J
 * ({@link Pi4jInputs}) with a real provider or the mock one that scripts and tests drive.
 */
public interface DigitalInputs extends AutoCloseable {

  /** The Pi4J provider behind the inputs: {@code mock}, {@code gpiod} or {@code linuxfs}. */
  String provider();

  /**
   * Opens a pin as an input; {@code listener} hears every level change, on the provider's thread.
   *
   * @throws IllegalStateException when the pin is already open or the provider refuses it
   */
  InputLine open(int pin, Pull pull, LevelListener listener);

  /** Closes every pin still open and the provider. */
  @Override
  void close();

  /** An open input pin. */
  interface InputLine extends AutoCloseable {
    int pin();

    /** The level now. */
    boolean high();

    @Override
    void close();
  }

  /** Hears the level changes of one pin. */
  @FunctionalInterface
  interface LevelListener {
    void changed(boolean high);
  }
}
