package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database under its size limit by dropping the oldest messages of the lowest priority
 * first (telemetry, then control, alarms last) until it is under 90% of the limit, so that the
 * newest data is kept. Every batch is counted and logged: how many, which priority, and when the
 * dropped data was acquired.
 */
final class Eviction {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");
  private static final int MIN_CHUNK = 16;
  private static final int MAX_CHUNK = 50_000;
  private static final int MAX_ROUNDS = 1_000;

  private final long maxBytes;
  private final long targetBytes;
  private final StoreStats stats;

  Eviction(long maxBytes, StoreStats stats) {
    this.maxBytes = maxBytes;
    this.targetBytes = maxBytes / 10 * 9;
    this.stats = stats;
  }

  void enforce(StoreDatabase db) throws SQLException {
    long used = db.usedBytes();
    stats.bufferedBytes(used);
    if (used <= maxBytes) {
      return;
    }
    // One batch per priority: the rounds of one call that dropped messages of that priority.
    Map<Priority, EvictedBatch> batches = new EnumMap<>(Priority.class);
    long rows = db.count();
    for (int round = 0; used > targetBytes && rows > 0 && round < MAX_ROUNDS; round++) {
      long bytesPerRow = Math.max(1, used / rows);
      long estimate = (used - targetBytes) / bytesPerRow * 11 / 10 + MIN_CHUNK;
      EvictedBatch batch = lowestPriorityFirst(db, (int) Math.min(MAX_CHUNK, estimate));
      if (batch == null) {
        break;
      }
      stats.evicted(batch.count());
      rows -= batch.count();
      batches.merge(batch.priority(), batch, Eviction::merge);
      used = db.usedBytes();
    }
    db.reclaimFreePages();
    stats.bufferedBytes(db.usedBytes());
    for (EvictedBatch batch : batches.values()) {
      LOG.warn(
          "Store: evicted {} {} messages acquired {} to {} (the oldest of that priority) to keep"
              + " the buffer under {}; now {}",
          batch.count(),
          batch.priority(),
          batch.oldest(),
          batch.newest(),
          megabytes(maxBytes),
          megabytes(used));
    }
  }

  private static EvictedBatch merge(EvictedBatch earlier, EvictedBatch later) {
    return new EvictedBatch(
        earlier.priority(), earlier.count() + later.count(), earlier.oldest(), later.newest());
  }

  private static EvictedBatch lowestPriorityFirst(StoreDatabase db, int chunk) throws SQLException {
    for (Priority priority : Priority.values()) {
      EvictedBatch batch = db.evictOldest(priority, chunk);
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
