package cn.yichang.edge.gpio;

import cn.yichang.edge.profile.GpioSpec;
import java.util.Map;

/**
 * What a level on a GPIO device's pin means for a person at the sensor, and what to do to change
 * it, from the profile's input alone (its kind, name and active level), never from the profile's
 * id: an SOS button's high is {@code released}, a door contact's low is {@code closed}, a bay
 * detector's high is {@code free}. Public for {@code commission}, which runs on a plain class path.
 */
public final class InputMeaning {

  /** The inactive word of a {@code state} input whose name is a common adjective. */
  private static final Map<String, String> OPPOSITES =
      Map.ofEntries(
          Map.entry("open", "closed"),
          Map.entry("closed", "open"),
          Map.entry("on", "off"),
          Map.entry("off", "on"),
          Map.entry("wet", "dry"),
          Map.entry("dry", "wet"),
          Map.entry("present", "absent"),
          Map.entry("running", "stopped"),
          Map.entry("motion", "no motion"),
          Map.entry("fault", "no fault"),
          Map.entry("alarm", "no alarm"),
          Map.entry("leak", "no leak"));

  private final GpioSpec spec;

  public InputMeaning(GpioSpec spec) {
    this.spec = spec;
  }

  /** Whether a level is the profile's active one. */
  public boolean active(boolean high) {
    return high == spec.activeHigh();
  }

  /**
   * What the level means: {@code pressed}/{@code released} for an alarm, {@code occupied}/{@code
   * free} for occupancy, {@code pulse}/{@code at rest} for a counter, and for a state the input's
   * name when active ({@code open}, {@code motion}) and its opposite when not ({@code closed},
   * {@code no motion}; {@code not <name>} for a name without a known opposite).
   */
  public String meaning(boolean high) {
    boolean active = active(high);
    return switch (spec.kind()) {
      case ALARM -> active ? "pressed" : "released";
      case OCCUPANCY -> active ? "occupied" : "free";
      case COUNTER -> active ? "pulse" : "at rest";
      case STATE ->
          active ? spec.name() : OPPOSITES.getOrDefault(spec.name(), "not " + spec.name());
    };
  }

  /** The level on the wire and its meaning: {@code high (released)}. */
  public String describe(boolean high) {
    return level(high) + " (" + meaning(high) + ")";
  }

  /** {@code high} or {@code low}. */
  public static String level(boolean high) {
    return high ? "high" : "low";
  }

  /**
   * What the installer does to make the input change, by kind: press the button (alarm), make a
   * pulse (counter: a rain gauge tipped, water let through a meter), trigger the sensor (state and
   * occupancy) — towards its active meaning, or back from it when it is active now.
   */
  public String prompt(boolean highNow) {
    boolean active = active(highNow);
    return switch (spec.kind()) {
      case ALARM -> active ? "release the button" : "press the button";
      case COUNTER -> "make it pulse (tip the gauge / let water flow)";
      case OCCUPANCY, STATE -> "trigger the sensor (make it read " + meaning(!highNow) + ")";
    };
  }

  /** What to check when nothing changed: the wiring, the pull resistor, the pin number. */
  public static String check(int pin, String pull) {
    return "check the wiring, the pull resistor ("
        + pull
        + ") and the pin number (GPIO "
        + pin
        + ", BCM)";
  }
}
