package cn.yichang.edge.report;

/**
 * How far a numeric point must move from the value last sent before it is sent again: an absolute
 * amount in the point's unit ({@code 0.05}), or relative to the value last sent ({@code 2%}).
 *
 * @param amount zero or more; zero means any change
 * @param relative whether {@code amount} is a percentage of the value last sent
 */
public record Deadband(double amount, boolean relative) {
  /** Any change at all is sent. */
  public static final Deadband ANY_CHANGE = new Deadband(0, false);

  public Deadband {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException(
          "a deadband is a finite amount of 0 or more, not " + amount);
    }
  }

  /**
   * {@code 0.05} (absolute) or {@code 2%} (relative to the value last sent).
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Deadband parse(String text) {
    String t = text.trim();
    boolean relative = t.endsWith("%");
    String number = relative ? t.substring(0, t.length() - 1).trim() : t;
    try {
      return new Deadband(Double.parseDouble(number), relative);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "deadband \"" + text + "\": expected an amount of 0 or more (0.05) or a percentage (2%)");
    }
  }

  /**
   * Whether {@code now} moved beyond the band from {@code lastSent}. NaN is a value like any other:
   * from a number to NaN or back is a change, NaN to NaN is not. A relative band around 0 takes any
   * change: no percentage of 0 is a band.
   */
  public boolean exceeded(double lastSent, double now) {
    boolean lastNaN = Double.isNaN(lastSent);
    boolean nowNaN = Double.isNaN(now);
    if (lastNaN || nowNaN) {
      return lastNaN != nowNaN;
    }
    double moved = Math.abs(now - lastSent);
    double band = relative ? Math.abs(lastSent) * amount / 100 : amount;
    return moved > band || (band == 0 && moved > 0);
  }

  @Override
  public String toString() {
    return relative ? amount + "%" : Double.toString(amount);
  }
}
