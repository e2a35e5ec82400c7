package cn.yichang.edge.profile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code protocol: gpio} profile declares: one digital input and how to read it.
 *
 * @param kind what the input means and which values it reports
 * @param name the base name of its values ({@code occupied}, {@code sos}, {@code rain})
 * @param activeHigh whether the high level is the active one (occupied, pressed, a pulse)
 * @param pull the pull resistor used when the site file names none; null when the site file must
 *     name one ({@code pull: required} in the profile: a dry contact needs one, and which depends
 *     on the wiring)
 * @param debounce how long a level must stay before it counts (0: every edge counts)
 * @param occupiedAfter for {@link Kind#OCCUPANCY}: how long the debounced input must stay active
 *     before the bay is occupied; zero otherwise
 * @param freeAfter for {@link Kind#OCCUPANCY}: how long it must stay inactive before it is free
 * @param perPulse for {@link Kind#COUNTER}: the quantity one pulse stands for (0.2 mm, 10 L)
 * @param unit for {@link Kind#COUNTER}: the UCUM unit of {@code perPulse}; null otherwise
 */
public record GpioSpec(
    Kind kind,
    String name,
    boolean activeHigh,
    Pull pull,
    Duration debounce,
    Duration occupiedAfter,
    Duration freeAfter,
    double perPulse,
    String unit)
    implements ProtocolSpec {

  /** The kinds of input a GPIO profile declares. */
  public enum Kind {
    /** A debounced level, reported on change and in every poll: {@code <name>} (bool). */
    STATE,
    /**
     * A state with hold-off times for becoming occupied and free: {@code <name>} (bool) and {@code
     * <name>_since} (ISO-8601 time the input became active or inactive for good).
     */
    OCCUPANCY,
    /**
     * A latching event, sent at alarm priority the moment it happens and latched until reset:
     * {@code <name>} (bool, latched) and {@code <name>_events} (activations since the gateway
     * started).
     */
    ALARM,
    /**
     * Pulses counted, the count kept across restarts: {@code <name>} (total, pulses x per-pulse),
     * {@code <name>_rate} (per hour over the last poll interval) and {@code <name>_pulses}.
     */
    COUNTER
  }

  /** A pin's pull resistor. */
  public enum Pull {
    UP,
    DOWN,
    /** No internal pull: the sensor drives the line or an external resistor pulls it. */
    OFF
  }

  public GpioSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(debounce, "debounce");
    Objects.requireNonNull(occupiedAfter, "occupiedAfter");
    Objects.requireNonNull(freeAfter, "freeAfter");
  }

  /** Whether the site file must say which pull resistor the pin uses. */
  public boolean pullRequired() {
    return pull == null;
  }

  /** The rate's unit: the per-pulse unit per hour. */
  public String rateUnit() {
    return unit == null ? "/h" : unit + "/h";
  }

  @Override
  public List<String> pointNames() {
    return switch (kind) {
      case STATE -> List.of(name);
      case OCCUPANCY -> List.of(name, name + "_since");
      case ALARM -> List.of(name, name + "_events");
      case COUNTER -> List.of(name, name + "_rate", name + "_pulses");
    };
  }
}
