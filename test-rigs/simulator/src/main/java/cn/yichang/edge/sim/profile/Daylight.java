package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/**
 * Sunlight on a horizontal surface (solar radiation, illuminance): zero at night, a half sine from
 * 06:00 to 18:00 peaking at noon, dimmed by clouds that come and go. Starts at a random hour of the
 * working day, so that a short run sees daylight.
 */
final class Daylight implements ValueModel {

  private static final double DAY = 24 * 3600;

  private final double peak;
  private final RandomWalk clouds;
  private double time;

  Daylight(double peak, SplittableRandom random) {
    this.peak = peak;
    this.time = (8 + 8 * random.nextDouble()) * 3600; // 08:00 .. 16:00
    // the fraction of clear-sky light that gets through, wandering over tens of minutes
    this.clouds = new RandomWalk(new Bounds(0.2, 1.0), 0.8, 0.01, 1200, random.split());
  }

  @Override
  public void advance(double seconds) {
    time += seconds;
    clouds.advance(seconds);
  }

  @Override
  public double value() {
    double hour = (time % DAY) / 3600;
    double sun = hour < 6 || hour > 18 ? 0 : Math.sin(Math.PI * (hour - 6) / 12);
    return peak * sun * clouds.value();
  }
}
