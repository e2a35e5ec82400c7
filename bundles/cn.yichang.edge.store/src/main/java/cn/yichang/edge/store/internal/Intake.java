package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory queue between producers and the writer, bounded by count and by bytes so that a
 * stalled disk cannot exhaust a small heap. Producers never wait: a message that does not fit is
 * refused.
 */
final class Intake {
  private static final int OVERHEAD_BYTES = 96; // record, Instant, array headers

  private final int maxMessages;
  private final long maxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private long bytes;
  private int groupSize = Integer.MAX_VALUE;
  private boolean closed;
  private boolean wake;

  Intake(int maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** Queues the message; false when it does not fit or the intake is closed. */
  boolean offer(Queued message) {
    long size = weight(message);
    lock.lock();
    try {
      if (closed || queue.size() >= maxMessages || bytes + size > maxBytes) {
        return false;
      }
      queue.addLast(message);
      bytes += size;
      if (queue.size() == 1 || queue.size() == groupSize) {
        arrived.signal();
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves the next group into {@code group}: waits up to {@code interval} for a first message, then
   * until {@code max} messages are there or {@code interval} has passed since the first was seen.
   * Once closed, returns what is queued without waiting.
   */
  void awaitGroup(List<Queued> group, int max, long interval, TimeUnit unit)
      throws InterruptedException {
    long intervalNanos = unit.toNanos(interval);
    lock.lock();
    try {
      groupSize = max;
      long deadline = System.nanoTime() + intervalNanos;
      while (queue.isEmpty() && !closed && !wake) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return;
        }
        arrived.awaitNanos(remaining);
      }
      deadline = System.nanoTime() + intervalNanos;
      while (queue.size() < max && !closed && !wake) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        arrived.awaitNanos(remaining);
      }
      wake = false;
      for (int i = 0; i < max && !queue.isEmpty(); i++) {
        Queued message = queue.pollFirst();
        bytes -= weight(message);
        group.add(message);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes the writer commit now, with what is queued (possibly nothing but deletions). */
  void wake() {
    lock.lock();
    try {
      wake = true;
      arrived.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further messages and wakes the writer; what is queued can still be taken. */
  void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Empties the queue, for counting what could not be written before the store closed. */
  List<Queued> discard() {
    lock.lock();
    try {
      List<Queued> left = List.copyOf(queue);
      queue.clear();
      bytes = 0;
      return left;
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private static long weight(Queued queued) {
    OutboundMessage message = queued.message();
    return message.payload().length + 2L * message.topic().length() + OVERHEAD_BYTES;
  }
}
