package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * A steady change, jittered but never backwards: counters count up, a battery runs down. Stops at
 * the bounds.
 */
final class Trend implements ValueModel {

  private final double perSecond;
  private final Bounds bounds;
  private final SplittableRandom random;
  private double value;

  Trend(double start, double perSecond, Bounds bounds, SplittableRandom random) {
    this.perSecond = perSecond;
    this.bounds = bounds;
    this.random = random;
    this.value = bounds.clamp(start);
  }

  @Override
  public void advance(double seconds) {
    value = bounds.clamp(value + perSecond * seconds * (0.5 + random.nextDouble()));
  }

  @Override
  public double value() {
    return value;
  }
}
