package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.internal.pins.DigitalInputs;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One GPIO device: a pin, its debounce, and what its profile's kind makes of the level.
 *
 * <ul>
 *   <li>{@code state}: the debounced level, published on every change and every poll;
 *   <li>{@code occupancy}: the debounced level after the hold-off times, with the time the input
 *       became active or inactive for good, published on every change and every poll;
 *   <li>{@code alarm}: every debounced activation is counted; the first one latches the alarm and
 *       is published at once flagged as an alarm; it stays latched until {@link #acknowledge};
 *   <li>{@code counter}: every debounced activation is a pulse, kept in the {@link CounterStore};
 *       each poll publishes the total, the rate over the poll and the raw count.
 * </ul>
 *
 * Pin events arrive on the provider's thread, timers on the clockwork's: everything runs under this
 * object's lock.
 */
final class GpioDevice implements AutoCloseable {

  private final String id;
  private final GpioSpec spec;
  private final int pin;
  private final Pull pull;
  private final Clockwork clockwork;
  private final ReadingPublisher publisher;
  private final CounterStore counters;

  private DigitalInputs.InputLine line;
  private LevelFilter debounce;
  private LevelFilter holdOff;

  private boolean state;
  private Instant since;
  private boolean latched;
  private long events;
  private long pulses;
  private long pulsesAtLastPoll;
  private Instant lastPoll;

  /**
   * @param counters where a counter's pulses are kept; unused by the other kinds
   */
  GpioDevice(
      String id,
      GpioSpec spec,
      int pin,
      Pull pull,
      Clockwork clockwork,
      ReadingPublisher publisher,
      CounterStore counters) {
    this.id = id;
    this.spec = spec;
    this.pin = pin;
    this.pull = pull;
    this.clockwork = clockwork;
    this.publisher = publisher;
    this.counters = counters;
  }

  String id() {
    return id;
  }

  int pin() {
    return pin;
  }

  GpioSpec spec() {
    return spec;
  }

  /** Opens the pin and takes its level as the starting state (an active alarm input raises). */
  synchronized void start(DigitalInputs inputs) {
    Instant now = clockwork.now();
    if (spec.kind() == Kind.COUNTER) {
      pulses = counters.load(id);
      pulsesAtLastPoll = pulses;
    }
    lastPoll = now;
    line = inputs.open(pin, pull, this::edge);
    boolean active = active(line.high());
    state = active;
    since = now;
    debounce =
        new LevelFilter(
            clockwork, spec.debounce(), spec.debounce(), active, now, this, this::debounced);
    if (spec.kind() == Kind.OCCUPANCY) {
      holdOff =
          new LevelFilter(
              clockwork, spec.occupiedAfter(), spec.freeAfter(), active, now, this, this::heldOff);
    }
    if (spec.kind() == Kind.ALARM && active) {
      activated(now);
    }
  }

  private synchronized void edge(boolean high) {
    if (debounce != null) {
      debounce.input(active(high), clockwork.now());
    }
  }

  private boolean active(boolean high) {
    return high == spec.activeHigh();
  }

  /** A level that outlasted the debounce time. */
  private void debounced(boolean active, Instant at) {
    switch (spec.kind()) {
      case STATE -> changed(active, at);
      case OCCUPANCY -> holdOff.input(active, at);
      case ALARM -> {
        if (active) {
          activated(at);
        }
      }
      case COUNTER -> {
        if (active) {
          pulses++;
          counters.update(id, pulses);
        }
      }
    }
  }

  private void heldOff(boolean active, Instant at) {
    changed(active, at);
  }

  private void changed(boolean active, Instant at) {
    state = active;
    since = at;
    publish(false);
  }

  private void activated(Instant at) {
    events++;
    if (!latched) {
      latched = true;
      since = at;
      publish(true);
    }
  }

  /** Publishes the current values (a poll). */
  synchronized void poll() {
    publish(false);
  }

  /**
   * Resets a latched alarm, as the carer's reset or the platform's acknowledgement does; the reset
   * is published at alarm priority, so it follows the alarm and is never evicted before it.
   *
   * @return whether an alarm was latched
   */
  synchronized boolean acknowledge() {
    if (!latched) {
      return false;
    }
    latched = false;
    since = clockwork.now();
    publish(true);
    return true;
  }

  /** The current values, as a poll would publish them but without publishing (a remote read). */
  synchronized ReadingSet current() {
    Instant now = clockwork.now();
    return new ReadingSet(id, now, points(now, false));
  }

  /** Whether this alarm device's alarm is raised and not yet reset. */
  synchronized boolean latched() {
    return latched;
  }

  synchronized Status status() {
    return new Status(
        id,
        pin,
        spec.kind(),
        line != null && line.high(),
        points(clockwork.now(), false).stream().map(p -> p.name() + "=" + p.value()).toList());
  }

  /** What {@code edge:gpio} shows of a device. */
  record Status(String id, int pin, Kind kind, boolean high, List<String> values) {}

  private void publish(boolean alarm) {
    Instant now = clockwork.now();
    publisher.publish(new ReadingSet(id, now, points(now, !alarm), alarm));
  }

  /**
   * @param poll whether this ends a poll interval (a counter's rate is taken over it)
   */
  private List<PointReading> points(Instant now, boolean poll) {
    String name = spec.name();
    return switch (spec.kind()) {
      case STATE -> List.of(PointReading.of(name, state, null, false));
      case OCCUPANCY ->
          List.of(
              PointReading.of(name, state, null, false),
              PointReading.of(name + "_since", since.toString(), null, false));
      case ALARM ->
          List.of(
              PointReading.of(name, latched, null, false),
              PointReading.of(name + "_events", events, null, false));
      case COUNTER -> counterPoints(now, poll);
    };
  }

  private List<PointReading> counterPoints(Instant now, boolean poll) {
    String name = spec.name();
    Duration over = Duration.between(lastPoll, now);
    double hours = over.toNanos() / 3.6e12;
    double rate = hours <= 0 ? 0.0 : (pulses - pulsesAtLastPoll) * spec.perPulse() / hours;
    if (poll) {
      lastPoll = now;
      pulsesAtLastPoll = pulses;
    }
    return List.of(
        PointReading.of(name, total(pulses, spec.perPulse()), spec.unit(), false),
        PointReading.of(name + "_rate", rate, spec.rateUnit(), false),
        PointReading.of(name + "_pulses", pulses, null, false));
  }

  /** Pulses x per-pulse in decimal: 12 tips of 0.2 mm are 2.4 mm, not 2.4000000000000004. */
  static double total(long pulses, double perPulse) {
    return BigDecimal.valueOf(perPulse).multiply(BigDecimal.valueOf(pulses)).doubleValue();
  }

  @Override
  public synchronized void close() {
    if (debounce != null) {
      debounce.cancel();
    }
    if (holdOff != null) {
      holdOff.cancel();
    }
    if (line != null) {
      line.close();
    }
  }
}
