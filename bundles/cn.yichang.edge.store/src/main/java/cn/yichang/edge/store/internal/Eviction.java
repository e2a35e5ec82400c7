package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database under its size limit by dropping, from a queue no longer configured, else from
 * the queue that holds the most messages (the destination that has been unreachable longest), its
 * oldest messages of the lowest priority first (telemetry, then control, alarms last) until the
 * file is under 90% of the limit, so that the newest data is kept and a destination that keeps up
 * never loses rows to another's backlog. Every batch is counted and logged: which destination, how
 * many, which priority, and when the dropped data was acquired.
 */
final class Eviction {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");
  private static final int MIN_CHUNK = 16;
  private static final int MAX_CHUNK = 50_000;
  private static final int MAX_ROUNDS = 1_000;

  private final long maxBytes;
  private final long targetBytes;
  private final FileFigures file;

  Eviction(long maxBytes, FileFigures file) {
    this.maxBytes = maxBytes;
    this.targetBytes = maxBytes / 10 * 9;
    this.file = file;
  }

  void enforce(StoreDatabase db, List<Queue> queues) throws SQLException {
    long used = db.usedBytes();
    file.bytes.set(used);
    if (used <= maxBytes) {
      return;
    }
    // One batch per queue and priority: the rounds of one call that dropped those messages.
    Map<String, EvictedBatch> batches = new LinkedHashMap<>();
    long rows = queues.stream().mapToLong(q -> q.stats.buffered()).sum();
    for (int round = 0; used > targetBytes && rows > 0 && round < MAX_ROUNDS; round++) {
      long bytesPerRow = Math.max(1, used / rows);
      long estimate = (used - targetBytes) / bytesPerRow * 11 / 10 + MIN_CHUNK;
      EvictedBatch batch = null;
      for (Queue q : candidates(queues)) {
        batch = lowestPriorityFirst(db, q, (int) Math.min(MAX_CHUNK, estimate));
        if (batch != null) {
          break;
        }
      }
      if (batch == null) {
        break;
      }
      batch.queue().stats.evicted(batch.count());
      rows -= batch.count();
      batches.merge(batch.queue().name + " " + batch.priority(), batch, Eviction::merge);
      used = db.usedBytes();
    }
    db.reclaimFreePages();
    file.bytes.set(db.usedBytes());
    for (EvictedBatch batch : batches.values()) {
      LOG.warn(
          "Store: evicted {} {} messages of {} acquired {} to {} (the oldest of that priority) to"
              + " keep the buffer under {}; now {}",
          batch.count(),
          batch.priority(),
          batch.queue(),
          batch.oldest(),
          batch.newest(),
          megabytes(maxBytes),
          megabytes(used));
    }
  }

  /** Queues no longer configured first, then the one holding the most messages. */
  private static List<Queue> candidates(List<Queue> queues) {
    return queues.stream()
        .sorted(
            Comparator.comparing((Queue q) -> q.configured)
                .thenComparing(
                    Comparator.comparingLong((Queue q) -> q.stats.buffered()).reversed()))
        .toList();
  }

  private static EvictedBatch merge(EvictedBatch earlier, EvictedBatch later) {
    return new EvictedBatch(
        earlier.queue(),
        earlier.priority(),
        earlier.count() + later.count(),
        earlier.oldest(),
        later.newest());
  }

  private static EvictedBatch lowestPriorityFirst(StoreDatabase db, Queue queue, int chunk)
      throws SQLException {
    for (Priority priority : Priority.values()) {
      EvictedBatch batch = db.evictOldest(queue, priority, chunk);
      if (batch.count() > 0) {
        return batch;
      }
    }
    return null;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
  }
}
