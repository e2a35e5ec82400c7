package cn.yichang.edge.sim.profile;

/** A closed range of engineering values a model keeps to. */
record Bounds(double lo, double hi) {

  Bounds {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("empty range " + lo + ".." + hi);
    }
  }

  double span() {
    return hi - lo;
  }

  double at(double fraction) {
    return lo + fraction * span();
  }

  double clamp(double value) {
    return Math.max(lo, Math.min(hi, value));
  }

  /** The overlap with {@code other}, or this range if they do not overlap. */
  Bounds within(Bounds other) {
    double l = Math.max(lo, other.lo);
    double h = Math.min(hi, other.hi);
    return l <= h ? new Bounds(l, h) : this;
  }

  /** Reflects a value that stepped over a bound back inside. */
  double reflect(double value) {
    if (span() == 0) {
      return lo;
    }
    double v = value;
    for (int i = 0; i < 4 && (v < lo || v > hi); i++) {
      v = v < lo ? 2 * lo - v : 2 * hi - v;
    }
    return clamp(v);
  }
}
