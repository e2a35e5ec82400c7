package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of the store: group commits (one transaction for every queue), reading each
 * queue in sending order, rewinds, eviction, and replacing the file when SQLite finds it damaged.
 * One lock guards the connection and the read positions; readers waiting for messages are woken by
 * each commit.
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
  private final Queues queues;
  private StoreDatabase db; // null while the file cannot be opened

  DurableBuffer(DatabaseOpener opener, Eviction eviction, Queues queues) {
    this.opener = opener;
    this.eviction = eviction;
    this.queues = queues;
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
   * Commits the group and the deletions, splits and set-asides of every queue so far in one
   * transaction, then evicts if the file is over its limit. A file found damaged is replaced and
   * the group written to the new one.
   */
  void commit(List<Queued> group) throws WriteFailure {
    lock.lock();
    try {
      for (int attempt = 0; ; attempt++) {
        try {
          List<Queue> all = queues.all();
          Map<Queue, List<Long>> deletes = new IdentityHashMap<>();
          Map<Queue, Map<Long, String>> asides = new IdentityHashMap<>();
          List<RowSplit> splits = new ArrayList<>();
          boolean pending = !group.isEmpty();
          for (Queue q : all) {
            deletes.put(q, q.cursor.pendingDeletes());
            asides.put(q, q.cursor.pendingSetAsides());
            splits.addAll(q.cursor.pendingSplits());
            pending |= !deletes.get(q).isEmpty() || !asides.get(q).isEmpty();
          }
          if (!pending && splits.isEmpty()) {
            return;
          }
          if (db == null) {
            reopen();
          }
          int parts = splits.stream().mapToInt(x -> x.rest().size()).sum();
          opener.reserveBelow(db.nextId() + group.size() + parts);
          Map<Queue, StoreDatabase.QueueWritten> written = db.write(group, splits, asides, deletes);
          for (Queue q : all) {
            StoreDatabase.QueueWritten w = written.get(q);
            q.cursor.deleted(deletes.get(q));
            q.cursor.changed(
                splits.stream().filter(x -> x.queue() == q).toList(), asides.get(q).keySet());
            if (w != null) {
              for (int p = 0; p < q.newest.length; p++) {
                q.newest[p] = Math.max(q.newest[p], w.newestInserted[p]);
              }
              q.stats.committed(w.inserted, w.deleted);
              q.stats.setAside(w.setAside);
            }
          }
          queues.file().commits.incrementAndGet();
          opener.used(db);
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
      Map<Queue, Integer> accepted = new IdentityHashMap<>();
      group.forEach(m -> accepted.merge(m.queue(), 1, Integer::sum));
      accepted.forEach((q, n) -> q.stats.accepted(n));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next messages not taken since the last rewind, in sending order, waiting up to {@code wait}
   * for a commit when there are none.
   */
  List<StoredMessage> take(Queue queue, int max, Duration wait) throws InterruptedException {
    if (max <= 0) {
      return List.of();
    }
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lockInterruptibly();
    try {
      while (true) {
        List<StoredMessage> out = next(queue, max);
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

  /**
   * Commits the pending deletions, then makes every taken, unacknowledged message of the queue
   * takeable.
   */
  void rewind(Queue queue) {
    lock.lock();
    try {
      try {
        commit(List.of());
      } catch (WriteFailure e) {
        // The acknowledged ids stay excluded from take() until their deletion is committed.
        LOG.debug("Store: deletions not committed before rewind: {}", e.getMessage());
      }
      queue.cursor.rewind();
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  List<PrioritySpan> spans(Queue queue) {
    lock.lock();
    try {
      return db == null || queue.number < 0 ? List.of() : db.spans(queue);
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

  private List<StoredMessage> next(Queue queue, int max) {
    List<StoredMessage> out = new ArrayList<>();
    if (db == null) {
      reopenForReading();
    }
    if (db == null) {
      return out;
    }
    ReadCursor cursor = queue.cursor;
    try {
      for (Priority priority : ReadCursor.SENDING_ORDER) {
        while (out.size() < max && cursor.position(priority) < queue.newest[priority.ordinal()]) {
          List<StoredMessage> rows =
              db.after(queue, priority, cursor.position(priority), max - out.size());
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
      eviction.enforce(db, queues.all());
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
    List<Queue> all = queues.all(); // with those only the file has, now
    Map<Queue, long[]> ids = new IdentityHashMap<>();
    Map<Queue, Long> counts = new IdentityHashMap<>();
    try {
      for (Queue q : all) {
        long[] newest = new long[q.newest.length];
        opened.newestIds(q, newest);
        ids.put(q, newest);
        counts.put(q, opened.count(q));
      }
      queues.file().bytes.set(opened.usedBytes());
    } catch (SQLException | RuntimeException e) {
      opened.close();
      throw e;
    }
    for (Queue q : all) {
      System.arraycopy(ids.get(q), 0, q.newest, 0, q.newest.length);
      q.stats.buffered(counts.get(q));
    }
    db = opened;
  }

  private void replaceDamaged(Exception reason) {
    long held = 0;
    for (Queue q : queues.all()) {
      held += q.stats.buffered();
      q.stats.lost(q.stats.buffered());
      q.stats.buffered(0);
      Arrays.fill(q.newest, 0); // a new, empty file
    }
    Instant lastCommit = null;
    if (db != null) {
      lastCommit = db.lastCommit();
      db.close();
      db = null;
    }
    queues.file().bytes.set(0);
    try {
      db = opener.replace(reason, held, lastCommit);
      queues.file().bytes.set(db.usedBytes());
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
