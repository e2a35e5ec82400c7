package cn.yichang.edge.sim.profile;

/**
 * How one point's value moves with simulated time. Implementations keep their own state and random
 * source (seeded, so that a seed gives the same sequence); {@link ProfileUnit} calls {@link
 * #advance} in steps of at most {@link ProfileUnit#MAX_STEP_SECONDS} and then serves {@link
 * #value()}, kept inside the point's min/max. {@link ValueModels} has the built-in ones.
 */
public interface ValueModel {

  /** Moves the value on by that many seconds of simulated time. */
  void advance(double seconds);

  /** The engineering value now; for a bool, non-zero is true. */
  double value();
}
