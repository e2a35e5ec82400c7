package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * Soil moisture: dries steadily, and an irrigation every so often makes it jump up. Drying slows as
 * the soil gets dry, as it does in the field.
 */
final class Drying implements ValueModel {

  private final Bounds bounds;
  private final double dryPerSecond;
  private final double minInterval;
  private final double maxInterval;
  private final SplittableRandom random;
  private double value;
  private double untilIrrigation;

  Drying(
      Bounds bounds,
      double dryPerSecond,
      double minInterval,
      double maxInterval,
      SplittableRandom random) {
    this.bounds = bounds;
    this.dryPerSecond = dryPerSecond;
    this.minInterval = minInterval;
    this.maxInterval = maxInterval;
    this.random = random;
    this.value = bounds.at(0.3 + 0.15 * random.nextDouble());
    this.untilIrrigation = nextInterval();
  }

  @Override
  public void advance(double seconds) {
    double wetness = (value - bounds.lo()) / Math.max(bounds.span(), 1e-9);
    double noise = 0.0005 * bounds.span() * Math.sqrt(seconds) * Gaussian.next(random);
    value = bounds.clamp(value - dryPerSecond * seconds * (0.3 + wetness) + noise);
    untilIrrigation -= seconds;
    if (untilIrrigation <= 0) {
      double capacity = bounds.at(0.38 + 0.10 * random.nextDouble());
      value = bounds.clamp(Math.max(value + 0.03 * bounds.span(), capacity));
      untilIrrigation += nextInterval();
    }
  }

  @Override
  public double value() {
    return value;
  }

  private double nextInterval() {
    return minInterval + (maxInterval - minInterval) * random.nextDouble();
  }
}
