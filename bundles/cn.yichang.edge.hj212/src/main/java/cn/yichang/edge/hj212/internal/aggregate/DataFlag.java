package cn.yichang.edge.hj212.internal.aggregate;

/**
 * The standard's data flags ({@code xxxxxx-Flag}, its table 8), in the table's order. Only {@link
 * #N} is a valid measurement: the others say why a value is missing or not to be used.
 */
public enum DataFlag {
  /** The instrument works normally. */
  N,
  /** The instrument is stopped. */
  F,
  /** Data produced during maintenance. */
  M,
  /** A value set by hand. */
  S,
  /** Instrument fault. */
  D,
  /** The instrument is being calibrated. */
  C,
  /** Above the instrument's measuring range. */
  T,
  /** Communication between the instrument and the gateway failed (timeout, CRC). */
  B;

  public boolean valid() {
    return this == N;
  }
}
