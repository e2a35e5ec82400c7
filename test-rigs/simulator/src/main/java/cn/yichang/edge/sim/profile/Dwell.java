package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/** A bool that flips after random dwell times (uniform in a range for each state). */
final class Dwell implements ValueModel {

  private final double onMin;
  private final double onMax;
  private final double offMin;
  private final double offMax;
  private final SplittableRandom random;
  private boolean on;
  private double remaining;
  private long rises;
  private long falls;

  Dwell(double onMin, double onMax, double offMin, double offMax, SplittableRandom random) {
    this.onMin = onMin;
    this.onMax = onMax;
    this.offMin = offMin;
    this.offMax = offMax;
    this.random = random;
    double meanOn = (onMin + onMax) / 2;
    this.on = random.nextDouble() < meanOn / (meanOn + (offMin + offMax) / 2);
    this.remaining = dwell() * random.nextDouble(); // part-way through the first period
  }

  @Override
  public void advance(double seconds) {
    remaining -= seconds;
    while (remaining <= 0) {
      on = !on;
      if (on) {
        rises++;
      } else {
        falls++;
      }
      remaining += dwell();
    }
  }

  @Override
  public double value() {
    return on ? 1 : 0;
  }

  boolean on() {
    return on;
  }

  /** How often it went from off to on. */
  long rises() {
    return rises;
  }

  /** How often it went from on to off. */
  long falls() {
    return falls;
  }

  private double dwell() {
    double min = on ? onMin : offMin;
    double max = on ? onMax : offMax;
    return Math.max(min + (max - min) * random.nextDouble(), 1e-3);
  }
}
