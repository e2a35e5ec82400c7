package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.TransactionCounters;
import java.time.Instant;

/** Transaction counters of a bus or a device; written by the bus thread, read by anyone. */
final class Counters {
  private long transactions;
  private long timeouts;
  private long corruptFrames;
  private long exceptions;
  private Instant lastSuccess;

  synchronized void transaction() {
    transactions++;
  }

  synchronized void timeout() {
    timeouts++;
  }

  synchronized void corruptFrame() {
    corruptFrames++;
  }

  synchronized void exception(Instant at) {
    exceptions++;
    lastSuccess = at;
  }

  synchronized void success(Instant at) {
    lastSuccess = at;
  }

  synchronized TransactionCounters snapshot() {
    return new TransactionCounters(transactions, timeouts, corruptFrames, exceptions, lastSuccess);
  }
}
