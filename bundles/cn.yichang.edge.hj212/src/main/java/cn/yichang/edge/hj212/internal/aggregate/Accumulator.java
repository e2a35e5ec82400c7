package cn.yichang.edge.hj212.internal.aggregate;

import java.util.Arrays;

/**
 * One pollutant over one window: the valid samples' count, sum, minimum and maximum, and how many
 * samples carried each flag. Mutable; confined to its aggregator.
 */
final class Accumulator {
  private long valid;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final long[] flags = new long[DataFlag.values().length];

  void add(double value, DataFlag flag) {
    if (flag.valid() && Double.isFinite(value)) {
      valid++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
      flags[DataFlag.N.ordinal()]++;
    } else {
      // a valid flag without a number (NaN) is no measurement: the instrument said nothing usable
      flags[(flag.valid() ? DataFlag.D : flag).ordinal()]++;
    }
  }

  /**
   * The window's values from its valid samples, and its flag by the standard's rule for water (its
   * notes to tables C.16-C.18): normal only when every sample was; otherwise the abnormal flag the
   * samples carried most often (ties go to the earlier one of the standard's table). The standard
   * does not say which letter "abnormal" is; the most frequent cause is what a platform's operator
   * needs to see.
   */
  Aggregate result(String code) {
    DataFlag flag = DataFlag.N;
    long most = 0;
    for (DataFlag f : DataFlag.values()) {
      if (!f.valid() && flags[f.ordinal()] > most) {
        most = flags[f.ordinal()];
        flag = f;
      }
    }
    if (valid == 0) {
      return new Aggregate(code, Double.NaN, Double.NaN, Double.NaN, valid, flag);
    }
    return new Aggregate(code, sum / valid, min, max, valid, flag);
  }

  long samples() {
    return Arrays.stream(flags).sum();
  }

  /** As the archive keeps it: {@code valid sum min max} and the count of each flag. */
  String save() {
    StringBuilder s = new StringBuilder();
    s.append(valid).append(' ').append(sum).append(' ').append(min).append(' ').append(max);
    for (long f : flags) {
      s.append(' ').append(f);
    }
    return s.toString();
  }

  static Accumulator load(String saved) {
    String[] f = saved.trim().split(" ");
    if (f.length != 4 + DataFlag.values().length) {
      throw new IllegalArgumentException("not a saved window: " + saved);
    }
    Accumulator a = new Accumulator();
    a.valid = Long.parseLong(f[0]);
    a.sum = Double.parseDouble(f[1]);
    a.min = Double.parseDouble(f[2]);
    a.max = Double.parseDouble(f[3]);
    for (int i = 0; i < a.flags.length; i++) {
      a.flags[i] = Long.parseLong(f[4 + i]);
    }
    return a;
  }
}
