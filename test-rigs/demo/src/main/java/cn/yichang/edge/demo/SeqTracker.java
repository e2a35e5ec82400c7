package cn.yichang.edge.demo;

import java.util.BitSet;

/**
 * Checks the gateway's {@code edge.seq}: every number once, none missing. A number below the
 * highest seen is not a gap by itself (QoS 1 may reorder across a reconnect); a gap is a number
 * between the lowest and the highest seen that never arrived.
 */
final class SeqTracker {

  private final BitSet seen = new BitSet();
  private long first = -1;
  private long highest = -1;
  private long distinct;
  private long duplicates;

  synchronized void accept(long seq) {
    if (first < 0) {
      first = seq;
    }
    if (seq < first) {
      return; // before the first one this run saw: can be neither checked nor a gap
    }
    long offset = seq - first;
    if (offset > Integer.MAX_VALUE) {
      throw new IllegalStateException("edge.seq jumped by more than 2^31: " + seq);
    }
    if (seen.get((int) offset)) {
      duplicates++;
      return;
    }
    seen.set((int) offset);
    distinct++;
    highest = Math.max(highest, seq);
  }

  /** Numbers between the lowest and the highest seen that did not arrive (yet). */
  synchronized long gaps() {
    return first < 0 ? 0 : highest - first + 1 - distinct;
  }

  synchronized long duplicates() {
    return duplicates;
  }
}
