package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/** Ornstein-Uhlenbeck walk: noise of {@code sigma} per sqrt(second), pulled back towards a mean. */
final class RandomWalk implements ValueModel {

  private final Bounds bounds;
  private final double mean;
  private final double sigma;
  private final double reversionSeconds;
  private final SplittableRandom random;
  private double value;

  RandomWalk(
      Bounds bounds, double mean, double sigma, double reversionSeconds, SplittableRandom random) {
    this.bounds = bounds;
    this.mean = bounds.clamp(mean);
    this.sigma = sigma;
    this.reversionSeconds = Math.max(reversionSeconds, 1);
    this.random = random;
    // start somewhere near the mean, not exactly on it
    this.value = bounds.reflect(this.mean + 3 * sigma * Gaussian.next(random));
  }

  @Override
  public void advance(double seconds) {
    double pull = (mean - value) * Math.min(1, seconds / reversionSeconds);
    value = bounds.reflect(value + pull + sigma * Math.sqrt(seconds) * Gaussian.next(random));
  }

  @Override
  public double value() {
    return value;
  }
}
