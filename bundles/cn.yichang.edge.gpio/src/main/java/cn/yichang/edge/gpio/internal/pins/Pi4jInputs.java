package cn.yichang.edge.gpio.internal.pins;

import cn.yichang.edge.profile.GpioSpec.Pull;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Digital inputs over a Pi4J context built explicitly with one provider: inside OSGi Pi4J's
 * ServiceLoader discovery finds none of the embedded plugins, so nothing is auto-detected.
 */
public final class Pi4jInputs implements DigitalInputs {

  /** The providers a site file may choose. */
  public static final Map<String, Supplier<DigitalInputProvider>> PROVIDERS =
      Map.of(
          "mock", MockDigitalInputProvider::newInstance,
          "gpiod", GpioDDigitalInputProvider::newInstance,
          "linuxfs", LinuxFsDigitalInputProvider::newInstance);

  private final String name;
  private final Context context;
  private final DigitalInputProvider provider;
  private final Map<Integer, Line> open = new ConcurrentHashMap<>();

  /** Levels set on mock pins before they were opened; a pin opens at its pull's level otherwise. */
  private final Map<Integer, Boolean> mockLevels = new ConcurrentHashMap<>();

  private Pi4jInputs(String name, DigitalInputProvider provider) {
    this.name = name;
    this.provider = provider;
    this.context = Pi4J.newContextBuilder().noAutoDetect().add(provider).build();
  }

  /**
   * @param provider one of {@link #PROVIDERS}
   * @throws IllegalArgumentException for another name
   * @throws RuntimeException (Pi4J's) when the provider cannot start on this machine
   */
  public static Pi4jInputs open(String provider) {
    Supplier<DigitalInputProvider> factory = PROVIDERS.get(provider);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown GPIO provider \"" + provider + "\" (known: mock, gpiod, linuxfs)");
    }
    return new Pi4jInputs(provider, factory.get());
  }

  /** Pi4J's mock provider: inputs that {@link #drive} sets, for rigs and tests. */
  public static Pi4jInputs mock() {
    return open("mock");
  }

  @Override
  public String provider() {
    return name;
  }

  @Override
  public InputLine open(int pin, Pull pull, LevelListener listener) {
    DigitalInputConfig config =
        DigitalInput.newConfigBuilder(context)
            .id("pin-" + pin)
            .address(pin)
            .pull(resistance(pull))
            .provider(provider.id())
            .build();
    Line line = new Line(pin);
    if (open.putIfAbsent(pin, line) != null) {
      throw new IllegalStateException("GPIO " + pin + " is already open");
    }
    try {
      DigitalInput input = context.create(config);
      if (input instanceof MockDigitalInput mock) {
        // A mock pin rests where its pull resistor would hold it, unless a script set it already.
        mock.mockState(DigitalState.getState(mockLevels.getOrDefault(pin, pull == Pull.UP)));
      }
      line.attach(input, listener);
      return line;
    } catch (RuntimeException e) {
      open.remove(pin);
      throw e;
    }
  }

  /**
   * Sets the level of a mock pin, as a sensor would; listeners hear it synchronously. A pin not
   * open yet starts at that level when it opens.
   *
   * @throws IllegalStateException when the provider is not the mock
   */
  public void drive(int pin, boolean high) {
    if (!name.equals("mock")) {
      throw new IllegalStateException("only mock pins can be driven (provider is " + name + ")");
    }
    mockLevels.put(pin, high);
    Line line = open.get(pin);
    if (line != null && line.input instanceof MockDigitalInput mock) {
      mock.mockState(DigitalState.getState(high));
    }
  }

  @Override
  public void close() {
    for (Line line : open.values()) {
      line.close();
    }
    context.shutdown();
  }

  private static PullResistance resistance(Pull pull) {
    return switch (pull) {
      case UP -> PullResistance.PULL_UP;
      case DOWN -> PullResistance.PULL_DOWN;
      case OFF -> PullResistance.OFF;
    };
  }

  private final class Line implements InputLine {
    private final int pin;
    private volatile DigitalInput input;
    private DigitalStateChangeListener pi4jListener;

    Line(int pin) {
      this.pin = pin;
    }

    void attach(DigitalInput input, LevelListener listener) {
      this.input = input;
      this.pi4jListener = e -> listener.changed(e.state().isHigh());
      input.addListener(pi4jListener);
    }

    @Override
    public int pin() {
      return pin;
    }

    @Override
    public boolean high() {
      return input.state().isHigh();
    }

    @Override
    public void close() {
      if (open.remove(pin, this) && input != null) {
        input.removeListener(pi4jListener);
        try {
          context.shutdown(input.id());
        } catch (RuntimeException e) {
          // the context is going away with it
        }
      }
    }
  }
}
