package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/** A daily-cycle-like sine with a random phase, plus slowly wandering noise. */
final class Diurnal implements ValueModel {

  private final double mean;
  private final double amplitude;
  private final double periodSeconds;
  private final double phase;
  private final RandomWalk noise;
  private double time;

  Diurnal(double mean, double amplitude, double periodSeconds, double noise, SplittableRandom r) {
    this.mean = mean;
    this.amplitude = amplitude;
    this.periodSeconds = periodSeconds;
    this.phase = 2 * Math.PI * r.nextDouble();
    // noise of about +-noise, changing over a minute or so
    this.noise = new RandomWalk(new Bounds(-3 * noise, 3 * noise), 0, noise / 5, 60, r.split());
  }

  @Override
  public void advance(double seconds) {
    time += seconds;
    noise.advance(seconds);
  }

  @Override
  public double value() {
    return mean + amplitude * Math.sin(2 * Math.PI * time / periodSeconds + phase) + noise.value();
  }
}
