package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * A direction that wanders around the compass and wraps (359 is next to 0), like a wind vane's: a
 * random walk of {@code sigma} degrees per sqrt(second) in [lo, lo + 360).
 */
final class Circular implements ValueModel {

  private final double lo;
  private final double sigma;
  private final SplittableRandom random;
  private double value;

  Circular(double lo, double sigma, SplittableRandom random) {
    this.lo = lo;
    this.sigma = sigma;
    this.random = random;
    this.value = 360 * random.nextDouble();
  }

  @Override
  public void advance(double seconds) {
    double next = value + sigma * Math.sqrt(seconds) * Gaussian.next(random);
    value = ((next % 360) + 360) % 360;
  }

  @Override
  public double value() {
    return lo + value; // 359.6 rounds to 360, which the unit keeps to the point's max (359)
  }
}
