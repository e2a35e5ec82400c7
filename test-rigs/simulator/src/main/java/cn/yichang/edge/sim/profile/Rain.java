package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * A tipping-bucket rain gauge's total: flat between showers, rising during them at a rate drawn for
 * each shower (light to heavy rain). Showers last 20..90 minutes, 2..12 hours apart.
 */
final class Rain implements ValueModel {

  private final Dwell showers;
  private final Bounds bounds;
  private final SplittableRandom random;
  private double perSecond;
  private long showersSeen;
  private double total;

  Rain(Bounds bounds, SplittableRandom random) {
    this.bounds = bounds;
    this.random = random;
    this.showers = new Dwell(20 * 60, 90 * 60, 2 * 3600, 12 * 3600, random.split());
    this.total = bounds.clamp(bounds.lo() + 50 * random.nextDouble());
    this.perSecond = rate();
  }

  @Override
  public void advance(double seconds) {
    showers.advance(seconds);
    if (showers.rises() != showersSeen) {
      showersSeen = showers.rises();
      perSecond = rate();
    }
    if (showers.on()) {
      total = bounds.clamp(total + perSecond * seconds);
    }
  }

  @Override
  public double value() {
    return total;
  }

  private double rate() {
    return (1 + 15 * random.nextDouble()) / 3600; // 1..16 mm/h
  }
}
