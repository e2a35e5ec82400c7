package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.StoreCounters;
import java.util.concurrent.atomic.AtomicLong;

/** The store's counters, updated from the writer, the reader and producers. */
final class StoreStats {
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
    buffered.addAndGet(-messages);
  }

  void setAside(int messages) {
    setAside.addAndGet(messages);
    buffered.addAndGet(-messages);
  }

  void lost(long messages) {
    lost.addAndGet(messages);
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
