package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of the store: group commits, reading in sending order, rewinds, eviction, and
 * replacing the file when SQLite finds it damaged. One lock guards the connection and the read
 * positions; readers waiting for messages are woken by each commit.
 */
final class DurableBuffer {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  /** A group could not be written; its messages are lost. */
  static final class WriteFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final LossLog.Reason reason;

    WriteFailure(LossLog.Reason reason, String message, Throwable cause) {
      super(message, cause);
      this.reason = reason;
    }
  }

  private static final long REOPEN_FOR_READING_NANOS = 1_000_000_000L;
  private long lastReadReopen = System.nanoTime() - REOPEN_FOR_READING_NANOS;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private final DatabaseOpener opener;
  private final Eviction eviction;
  private final StoreStats stats;
  private final ReadCursor cursor = new ReadCursor();
  private StoreDatabase db; // null while the file cannot be opened

  /**
   * The highest id committed per priority since the file was opened (never below the file's): a
   * take skips a priority whose position has reached it instead of running a query that finds
   * nothing. Alarms and replies are rare, and every take asked for them: 2-3 empty queries a take,
   * a third of its cost at a window of 20.
   */
  private final long[] newest = new long[Priority.values().length];

  DurableBuffer(DatabaseOpener opener, Eviction eviction, StoreStats stats) {
    this.opener = opener;
    this.eviction = eviction;
    this.stats = stats;
  }

  /** Opens the file; when that fails the store runs on and retries at every group. */
  void open() {
    lock.lock();
    try {
      reopen();
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.error("Store: cannot open {}; will retry with every group: {}", opener.path(), e, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits the group and the deletions of the messages acknowledged so far in one transaction,
   * then evicts if the file is over its limit. A file found damaged is replaced and the group
   * written to the new one.
   */
  void commit(List<OutboundMessage> group) throws WriteFailure {
    lock.lock();
    try {
      for (int attempt = 0; ; attempt++) {
        try {
          List<Long> deletes = cursor.pendingDeletes();
          List<RowSplit> splits = cursor.pendingSplits();
          Map<Long, String> asides = cursor.pendingSetAsides();
          if (group.isEmpty() && deletes.isEmpty() && splits.isEmpty() && asides.isEmpty()) {
            return;
          }
          if (db == null) {
            reopen();
          }
          int parts = splits.stream().mapToInt(s -> s.rest().size()).sum();
          opener.reserveBelow(db.nextSeq() + group.size() + parts);
          StoreDatabase.Written written = db.write(group, splits, asides, deletes);
          for (int p = 0; p < newest.length; p++) {
            newest[p] = Math.max(newest[p], written.newestInserted()[p]);
          }
          cursor.deleted(deletes);
          cursor.changed(splits, asides.keySet());
          stats.committed(written.inserted(), written.deleted());
          stats.setAside(written.setAside());
          opener.used(db.nextSeq());
          committed.signalAll();
          break;
        } catch (SQLException | IOException | RuntimeException e) {
          if (SqliteErrors.isCorrupt(e) && attempt == 0) {
            replaceDamaged(e);
            continue;
          }
          if (!SqliteErrors.isDiskFull(e) && db != null) {
            // An I/O error may have broken the connection: the next group opens the file anew.
            db.close();
            db = null;
          }
          throw failure(e);
        }
      }
      enforceLimit();
      // Counted accepted once the eviction the group caused is done: whoever sees a message
      // accepted sees the buffer back under its limit.
      stats.accepted(group.size());
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next messages not taken since the last rewind, in sending order, waiting up to {@code wait}
   * for a commit when there are none.
   */
  List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    if (max <= 0) {
      return List.of();
    }
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lockInterruptibly();
    try {
      while (true) {
        List<StoredMessage> out = next(max);
        long remaining = deadline - System.nanoTime();
        if (!out.isEmpty() || remaining <= 0) {
          return out;
        }
        committed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  void acknowledge(long id) {
    cursor.acknowledge(id);
  }

  void split(RowSplit split) {
    cursor.split(split);
  }

  void setAside(long id, String reason) {
    cursor.setAside(id, reason);
  }

  /** Acknowledged messages whose deletion is not committed: resent after a kill -9. */
  int pendingDeleteCount() {
    return cursor.pendingDeleteCount();
  }

  /** Commits the pending deletions, then makes every taken, unacknowledged message takeable. */
  void rewind() {
    lock.lock();
    try {
      try {
        commit(List.of());
      } catch (WriteFailure e) {
        // The acknowledged ids stay excluded from take() until their deletion is committed.
        LOG.debug("Store: deletions not committed before rewind: {}", e.getMessage());
      }
      cursor.rewind();
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<PrioritySpan> spans() {
    lock.lock();
    try {
      return db == null ? List.of() : db.spans();
    } catch (SQLException e) {
      LOG.warn("Store: cannot read the buffer's contents: {}", e.getMessage());
      return List.of();
    } finally {
      lock.unlock();
    }
  }

  /** Closes the file; waits at most {@code timeout} for a commit in progress. */
  void close(long timeout, TimeUnit unit) throws InterruptedException {
    if (!lock.tryLock(timeout, unit)) {
      LOG.warn(
          "Store: a commit is still running; leaving {} to close with the process", opener.path());
      return;
    }
    try {
      if (db != null && !db.closeCleanly()) {
        LOG.warn(
            "Store: could not mark {} closed cleanly; the next start reports an unclean stop",
            opener.path());
      }
      db = null;
    } finally {
      lock.unlock();
    }
  }

  private List<StoredMessage> next(int max) {
    List<StoredMessage> out = new ArrayList<>();
    if (db == null) {
      reopenForReading();
    }
    if (db == null) {
      return out;
    }
    try {
      for (Priority priority : ReadCursor.SENDING_ORDER) {
        while (out.size() < max && cursor.position(priority) < newest[priority.ordinal()]) {
          List<StoredMessage> rows =
              db.after(priority, cursor.position(priority), max - out.size());
          if (rows.isEmpty()) {
            break;
          }
          cursor.advance(priority, rows.get(rows.size() - 1).id());
          for (StoredMessage row : rows) {
            if (!cursor.isDone(row.id())) {
              out.add(row);
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      if (SqliteErrors.isCorrupt(e)) {
        replaceDamaged(e);
      } else {
        LOG.warn("Store: cannot read the buffer: {}", e.getMessage());
      }
      // Hand out what was read: it was committed, and the positions moved past it.
    }
    return out;
  }

  private void enforceLimit() {
    try {
      eviction.enforce(db);
    } catch (SQLException | RuntimeException e) {
      if (SqliteErrors.isCorrupt(e)) {
        replaceDamaged(e);
      } else {
        LOG.warn("Store: eviction failed, will retry after the next group: {}", e.getMessage());
      }
    }
  }

  /**
   * After an I/O error only a commit reopened the file, so a backlog with no new readings (every
   * device down) was never sent: the reader tries too, at most once a second.
   */
  private void reopenForReading() {
    long now = System.nanoTime();
    if (now - lastReadReopen < REOPEN_FOR_READING_NANOS) {
      return;
    }
    lastReadReopen = now;
    try {
      reopen();
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.warn("Store: cannot reopen {} to send its backlog: {}", opener.path(), e.getMessage());
    }
  }

  /** Takes the file only once everything about it is read: a half-read one is closed again. */
  private void reopen() throws SQLException, IOException {
    StoreDatabase opened = opener.open();
    long[] ids = new long[newest.length];
    try {
      opened.newestIds(ids);
      stats.buffered(opened.count(), opened.usedBytes());
    } catch (SQLException | RuntimeException e) {
      opened.close();
      throw e;
    }
    System.arraycopy(ids, 0, newest, 0, ids.length);
    db = opened;
  }

  private void replaceDamaged(Exception reason) {
    long held = stats.buffered();
    Instant lastCommit = null;
    if (db != null) {
      lastCommit = db.lastCommit();
      db.close();
      db = null;
    }
    stats.lost(held);
    stats.buffered(0, 0);
    try {
      Arrays.fill(newest, 0); // a new, empty file
      db = opener.replace(reason, held, lastCommit);
      stats.bufferedBytes(db.usedBytes());
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.error("Store: cannot replace the damaged database {}: {}", opener.path(), e, e);
    }
  }

  private static WriteFailure failure(Exception e) {
    if (SqliteErrors.isDiskFull(e)) {
      return new WriteFailure(LossLog.Reason.DISK_FULL, e.getMessage(), e);
    }
    return new WriteFailure(LossLog.Reason.WRITE_FAILED, e.getMessage(), e);
  }
}
