package cn.yichang.edge.store.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@link Total}s in memory, since the buffer file was created: what the file said when it was
 * opened plus what happened since. They outlive the file, so that a file replaced by a new one
 * continues them; the file catches up with each commit (see {@link StoreDatabase}).
 *
 * <p>Counted from any thread (a producer whose message does not fit the queue), read by the writer.
 */
final class Totals {
  private static final Total[] ALL = Total.values();

  private final AtomicLongArray values = new AtomicLongArray(ALL.length);

  void add(Total total, long n) {
    values.addAndGet(total.ordinal(), n);
  }

  long get(Total total) {
    return values.get(total.ordinal());
  }

  /**
   * Takes a file's totals where they are higher than ours: those of the file opened at start, or of
   * a damaged file whose meta table could still be read. Ours are higher after a reopen of the same
   * file (we count ahead of it) and after it was replaced by an empty one.
   */
  void raiseTo(Map<Total, Long> file) {
    for (Map.Entry<Total, Long> e : file.entrySet()) {
      values.accumulateAndGet(e.getKey().ordinal(), e.getValue(), Math::max);
    }
  }
}
