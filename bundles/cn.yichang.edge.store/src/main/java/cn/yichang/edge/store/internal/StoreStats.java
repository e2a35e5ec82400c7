package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's counters since start, updated from the writer, the reader and producers, and the
 * totals since the buffer file was created, which move with them.
 */
final class StoreStats {
  private final Totals totals = new Totals();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong bufferedBytes = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong corrupt = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong setAside = new AtomicLong();

  /** A group and the deletions of acknowledged messages committed in one transaction. */
  void committed(int messages, int deleted) {
    commits.incrementAndGet();
    acknowledged.addAndGet(deleted);
    buffered.addAndGet(messages - deleted);
  }

  /** The messages of a committed group, once the eviction it caused is done. */
  void accepted(int messages) {
    accepted.addAndGet(messages);
  }

  void evicted(int messages) {
    evicted.addAndGet(messages);
    totals.add(Total.EVICTED, messages);
    buffered.addAndGet(-messages);
  }

  void setAside(int messages) {
    setAside.addAndGet(messages);
    totals.add(Total.SET_ASIDE, messages);
    buffered.addAndGet(-messages);
  }

  void lost(long messages) {
    lost.addAndGet(messages);
    totals.add(Total.LOST, messages);
  }

  void corruptMovedAside() {
    corrupt.incrementAndGet();
  }

  void buffered(long messages, long bytes) {
    buffered.set(messages);
    bufferedBytes.set(bytes);
  }

  void bufferedBytes(long bytes) {
    bufferedBytes.set(bytes);
  }

  long buffered() {
    return buffered.get();
  }

  /** Transactions that wrote messages or deletions (group commits), for tests and the bench. */
  long commits() {
    return commits.get();
  }

  Totals totals() {
    return totals;
  }

  /** The totals with what this process found about the stop before it ({@code null}: clean). */
  StoreHistory history(UncleanStarts.Finding unclean) {
    return new StoreHistory(
        totals.get(Total.LOST),
        totals.get(Total.EVICTED),
        totals.get(Total.SET_ASIDE),
        unclean != null,
        unclean == null ? null : unclean.lastCommit(),
        unclean == null ? null : unclean.cause());
  }

  StoreCounters snapshot() {
    return new StoreCounters(
        accepted.get(),
        acknowledged.get(),
        buffered.get(),
        bufferedBytes.get(),
        evicted.get(),
        lost.get(),
        corrupt.get(),
        setAside.get());
  }
}
