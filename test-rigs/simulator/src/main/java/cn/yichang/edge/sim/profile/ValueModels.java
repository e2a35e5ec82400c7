package cn.yichang.edge.sim.profile;

import java.time.Duration;
import java.util.SplittableRandom;

/** The built-in value models, for overriding a point's model ({@link ProfileUnit#setModel}). */
public final class ValueModels {

  private ValueModels() {}

  public static ValueModel constant(double value) {
    return new ValueModel() {
      @Override
      public void advance(double seconds) {}

      @Override
      public double value() {
        return value;
      }
    };
  }

  /**
   * A mean-reverting random walk (Ornstein-Uhlenbeck) inside [lo, hi]: it drifts like a pH or a
   * conductivity, back towards {@code mean} over about {@code reversion}, reflected at the bounds.
   *
   * @param sigma the typical change over one second, in engineering units
   */
  public static ValueModel walk(
      double lo, double hi, double mean, double sigma, Duration reversion, long seed) {
    return new RandomWalk(
        new Bounds(lo, hi), mean, sigma, reversion.toMillis() / 1000.0, new SplittableRandom(seed));
  }

  /** A sine of the given period around {@code mean} plus slow noise, like a temperature. */
  public static ValueModel diurnal(
      double mean, double amplitude, Duration period, double noise, long seed) {
    return new Diurnal(
        mean, amplitude, period.toMillis() / 1000.0, noise, new SplittableRandom(seed));
  }

  /**
   * Soil moisture: dries by up to {@code dryPerHour} (less as it gets dry) and jumps back up to
   * about field capacity at an irrigation every {@code minInterval}..{@code maxInterval}.
   */
  public static ValueModel drying(
      double lo,
      double hi,
      double dryPerHour,
      Duration minInterval,
      Duration maxInterval,
      long seed) {
    return new Drying(
        new Bounds(lo, hi),
        dryPerHour / 3600,
        minInterval.toMillis() / 1000.0,
        maxInterval.toMillis() / 1000.0,
        new SplittableRandom(seed));
  }

  /**
   * A value that changes steadily by {@code perHour} (counters up, batteries down), in [lo, hi].
   */
  public static ValueModel trend(double start, double perHour, double lo, double hi, long seed) {
    return new Trend(start, perHour / 3600, new Bounds(lo, hi), new SplittableRandom(seed));
  }

  /**
   * A bool that stays on for {@code onMin..onMax} and off for {@code offMin..offMax} (uniform),
   * such as a parked car or a person in bed.
   */
  public static ValueModel dwell(
      Duration onMin, Duration onMax, Duration offMin, Duration offMax, long seed) {
    return new Dwell(
        seconds(onMin),
        seconds(onMax),
        seconds(offMin),
        seconds(offMax),
        new SplittableRandom(seed));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
