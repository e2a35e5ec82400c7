package cn.yichang.edge.bench;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store as the uplink sees it, with a stopwatch: when the first message was taken, when the
 * last acknowledgement came, and how many calls to {@link #take} the drain made and how long they
 * took. Everything else is passed through; the cost is two {@code nanoTime} calls per call.
 */
final class TimedStore implements MessageStore {

  private final MessageStore store;
  private final AtomicLong takes = new AtomicLong();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong takeNanos = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile long firstTakenAt;
  private volatile long lastAcknowledgedAt;

  TimedStore(MessageStore store) {
    this.store = store;
  }

  @Override
  public void enqueue(OutboundMessage message) {
    store.enqueue(message);
  }

  @Override
  public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    long start = System.nanoTime();
    List<StoredMessage> out = store.take(max, wait);
    long end = System.nanoTime();
    if (!out.isEmpty()) {
      if (firstTakenAt == 0) {
        firstTakenAt = start;
      }
      takes.incrementAndGet();
      taken.addAndGet(out.size());
      takeNanos.addAndGet(end - start);
    }
    return out;
  }

  @Override
  public void acknowledge(long id) {
    store.acknowledge(id);
    acknowledged.incrementAndGet();
    lastAcknowledgedAt = System.nanoTime();
  }

  @Override
  public void split(long id, byte[] first, List<OutboundMessage> rest) {
    store.split(id, first, rest);
  }

  @Override
  public void setAside(long id, String reason) {
    store.setAside(id, reason);
  }

  @Override
  public StoreHistory history() {
    return store.history();
  }

  @Override
  public void rewind() {
    store.rewind();
  }

  @Override
  public StoreCounters counters() {
    return store.counters();
  }

  long acknowledged() {
    return acknowledged.get();
  }

  /** {@code System.nanoTime()} when the first non-empty take began; 0 before. */
  long firstTakenAt() {
    return firstTakenAt;
  }

  long lastAcknowledgedAt() {
    return lastAcknowledgedAt;
  }

  /** Calls to take that returned messages, and the messages they returned. */
  long takes() {
    return takes.get();
  }

  long taken() {
    return taken.get();
  }

  /** Time spent in the takes that returned messages. */
  long takeNanos() {
    return takeNanos.get();
  }
}
