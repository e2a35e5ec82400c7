package cn.yichang.edge.store.internal;

import java.util.Locale;

/**
 * A count kept since the buffer file was created, in its {@code meta} table under {@link #key()}.
 * Adding one is adding a constant here: {@link MetaTable} creates, reads, writes and salvages every
 * constant, and {@link Totals} counts it.
 */
enum Total {
  LOST,
  EVICTED,
  SET_ASIDE;

  /** The row of the {@code meta} table: the constant's name in lower case. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
