package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One queue's counters since start, updated from the writer, the reader and producers, and its
 * totals since the buffer file was created, which move with them; beside them the file's figures,
 * shared by every queue.
 */
final class StoreStats {
  private final FileFigures file;
  private final Totals totals = new Totals();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong setAside = new AtomicLong();

  StoreStats(FileFigures file) {
    this.file = file;
  }

  /** This queue's messages and deletions of a committed transaction. */
  void committed(int messages, int deleted) {
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

  void buffered(long messages) {
    buffered.set(messages);
  }

  long buffered() {
    return buffered.get();
  }

  /** Transactions that wrote messages or deletions (group commits), for tests and the bench. */
  long commits() {
    return file.commits.get();
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
        file.bytes.get(),
        evicted.get(),
        lost.get(),
        file.corrupt.get(),
        setAside.get());
  }
}
