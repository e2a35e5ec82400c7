package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * Models that follow a device's presence bool ({@link Dwell}: a car over the sensor, a person in
 * bed), so that the points of one device tell one consistent story. The presence model is advanced
 * before them.
 */
final class Coupled {

  private Coupled() {}

  /** {@code inner} while present, {@code absent} otherwise (a heart rate of 0 off the bed). */
  static ValueModel gated(Dwell presence, ValueModel inner, double absent) {
    return new ValueModel() {
      @Override
      public void advance(double seconds) {
        inner.advance(seconds);
      }

      @Override
      public double value() {
        return presence.on() ? inner.value() : absent;
      }
    };
  }

  /** Counts arrivals (rising) or departures, from {@code start}. */
  static ValueModel edges(Dwell presence, boolean rising, double start) {
    return new ValueModel() {
      @Override
      public void advance(double seconds) {}

      @Override
      public double value() {
        return start + (rising ? presence.rises() : presence.falls());
      }
    };
  }

  /** Time spent present, in units of {@code secondsPerUnit} (3600 for hours). */
  static ValueModel presentTime(Dwell presence, double secondsPerUnit, double start) {
    return new ValueModel() {
      private double total = start;

      @Override
      public void advance(double seconds) {
        if (presence.on()) {
          total += seconds / secondsPerUnit;
        }
      }

      @Override
      public double value() {
        return total;
      }
    };
  }

  /**
   * One axis of a geomagnetic detector: the earth's field where it is buried (a slow walk), plus a
   * disturbance of its own for each vehicle parked over it.
   */
  static ValueModel magneticAxis(Dwell presence, Bounds bounds, SplittableRandom random) {
    double base = bounds.clamp(40 * (2 * random.nextDouble() - 1));
    double spread = Math.min(60, bounds.span() / 8);
    RandomWalk ambient =
        new RandomWalk(bounds.within(new Bounds(base - 5, base + 5)), base, 0.05, 600, random);
    double first = spread * Gaussian.next(random);
    return new ValueModel() {
      private long arrivals = presence.rises();
      private double disturbance = first;

      @Override
      public void advance(double seconds) {
        ambient.advance(seconds);
        if (presence.rises() != arrivals) {
          arrivals = presence.rises();
          disturbance = spread * Gaussian.next(random);
        }
      }

      @Override
      public double value() {
        return ambient.value() + (presence.on() ? disturbance : 0);
      }
    };
  }

  /**
   * An ultrasonic bay sensor's echo: the floor below it when the bay is empty, the roof of the car
   * (1.1 to 1.7 m higher, drawn for each arrival) when occupied, plus a centimetre or two of noise.
   * {@code perCm}: the point's units in a centimetre (1 for cm, 10 for mm, 0.01 for m).
   */
  static ValueModel echoDistance(
      Dwell presence, Bounds bounds, double perCm, SplittableRandom random) {
    double floor = bounds.at(0.7);
    RandomWalk noise =
        new RandomWalk(new Bounds(-3 * perCm, 3 * perCm), 0, 0.3 * perCm, 30, random.split());
    return new ValueModel() {
      private long arrivals = presence.rises();
      private double roof = roof();

      private double roof() {
        return bounds.clamp(floor - (110 + 60 * random.nextDouble()) * perCm);
      }

      @Override
      public void advance(double seconds) {
        noise.advance(seconds);
        if (presence.rises() != arrivals) {
          arrivals = presence.rises();
          roof = roof();
        }
      }

      @Override
      public double value() {
        return (presence.on() ? roof : floor) + noise.value();
      }
    };
  }
}
