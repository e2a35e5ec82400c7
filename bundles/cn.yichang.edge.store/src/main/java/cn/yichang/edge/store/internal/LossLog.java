package cn.yichang.edge.store.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts lost messages and says so at most once per interval (a minute), with how many were lost
 * since the last line and why; once writing works again, one more line with the rest.
 */
final class LossLog {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  enum Reason {
    QUEUE_FULL("the in-memory queue was full"),
    DISK_FULL("the disk is full"),
    WRITE_FAILED("the database could not be written"),
    CLOSED("the store was closing");

    final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final long intervalNanos;
  private final Map<Reason, Long> unreported = new EnumMap<>(Reason.class);
  private long lastLineNanos;
  private boolean lineWritten;
  private boolean losing;

  LossLog(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Messages lost before they were written, each counted in its queue's totals. */
  void lost(List<Queued> messages, Reason reason, String detail) {
    Map<Queue, Long> byQueue = new IdentityHashMap<>();
    messages.forEach(m -> byQueue.merge(m.queue(), 1L, Long::sum));
    byQueue.forEach((q, n) -> q.stats.lost(n));
    report(messages.size(), reason, detail);
  }

  /** One message of {@code queue} lost. */
  void lost(Queue queue, Reason reason, String detail) {
    queue.stats.lost(1);
    report(1, reason, detail);
  }

  private synchronized void report(long messages, Reason reason, String detail) {
    if (messages <= 0) {
      return;
    }
    unreported.merge(reason, messages, Long::sum);
    losing = true;
    long now = System.nanoTime();
    if (!lineWritten || now - lastLineNanos >= intervalNanos) {
      LOG.warn(
          "Store: {} messages lost since {} ({}){}",
          unreported.values().stream().mapToLong(Long::longValue).sum(),
          lineWritten ? "the last report" : "start",
          describe(),
          detail == null ? "" : "; last error: " + detail);
      unreported.clear();
      lineWritten = true;
      lastLineNanos = now;
    }
  }

  /**
   * A group was written: if messages were lost, say that writing works again, with the losses not
   * reported yet (within the same once-per-interval budget, so alternating success and failure
   * cannot flood the log).
   */
  synchronized void written() {
    if (!losing || System.nanoTime() - lastLineNanos < intervalNanos) {
      return;
    }
    losing = false;
    lastLineNanos = System.nanoTime();
    LOG.info(
        "Store: writing again{}",
        unreported.isEmpty()
            ? ""
            : "; "
                + unreported.values().stream().mapToLong(Long::longValue).sum()
                + " more messages lost since the last report ("
                + describe()
                + ")");
    unreported.clear();
  }

  private String describe() {
    return unreported.entrySet().stream()
        .map(e -> e.getValue() + " because " + e.getKey().text)
        .collect(Collectors.joining(", "));
  }
}
