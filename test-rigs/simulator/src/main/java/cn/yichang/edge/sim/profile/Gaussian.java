package cn.yichang.edge.sim.profile;

import java.util.SplittableRandom;

/** Standard normal numbers from a {@link SplittableRandom} (which has no nextGaussian on 17). */
final class Gaussian {

  private Gaussian() {}

  static double next(SplittableRandom random) {
    // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1]
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
