package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open store file: its connection, schema and statements. Not thread-safe: {@link
 * DurableBuffer}'s lock guards it.
 *
 * <p>Every queue's rows are in {@code messages}, told apart by {@code queue}. A row's id is the
 * file's: ids are never reused, not even after the newest rows were deleted or the file was
 * replaced, so a late acknowledgement can never delete a newer message. A row's sequence number is
 * its queue's ({@link QueueSchema}); no queue's next number is ever above the next id, so a new
 * file that continues the ids continues every queue's numbers too (a gap, never a duplicate).
 *
 * <p>Its {@link MetaTable} goes into the same transactions: the next id and sequence numbers, the
 * totals, the last commit and whether the file was closed cleanly.
 */
final class StoreDatabase implements AutoCloseable {
  private final Connection connection;
  private final long pageSize;
  private final RowInserts rowInserts;
  private final PreparedStatement deleteRange;

  /** Per queue number: its rows after an id, by its own index. */
  private final Map<Integer, PreparedStatement> after = new HashMap<>();

  private final PreparedStatement replacePayload;
  private final MetaTable meta;
  private final SetAsideTable setAside;
  private final Map<Queue, Long> nextSeq = new IdentityHashMap<>();
  private long nextId;

  /** What one {@link #write} did to one queue. */
  static final class QueueWritten {
    int inserted;
    int deleted;
    int setAside;
    final long[] newestInserted = new long[Priority.values().length];
  }

  private StoreDatabase(
      Connection connection, Map<String, Long> rows, Map<Queue, Long> seqs, Clock clock)
      throws SQLException {
    this.connection = connection;
    this.nextId = rows.get(MetaTable.NEXT_SEQ);
    this.nextSeq.putAll(seqs);
    this.meta = new MetaTable(connection, rows, List.copyOf(seqs.keySet()), clock);
    this.pageSize = SqliteFiles.pragma(connection, "page_size");
    this.setAside = new SetAsideTable(connection, clock);
    replacePayload = connection.prepareStatement("UPDATE messages SET payload = ? WHERE id = ?");
    rowInserts = new RowInserts(connection);
    deleteRange = connection.prepareStatement("DELETE FROM messages WHERE id BETWEEN ? AND ?");
  }

  /**
   * Creates a new store file whose first row gets id {@code nextId} and each queue its number in
   * {@code nextSeqs}, with the totals its queues counted so far (a new file after a damaged one
   * continues them).
   */
  static StoreDatabase create(Path path, long nextId, Map<Queue, Long> nextSeqs, Clock clock)
      throws SQLException {
    Connection connection = SqliteFiles.connect(path);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA auto_vacuum = INCREMENTAL"); // only takes effect before the first table
      SqliteFiles.configure(connection);
      connection.setAutoCommit(false);
      QueueSchema.create(connection, nextSeqs.keySet());
      Map<String, Long> rows = MetaTable.initial(nextId, nextSeqs);
      try (PreparedStatement p =
          connection.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
        for (Map.Entry<String, Long> e : rows.entrySet()) {
          p.setString(1, e.getKey());
          p.setLong(2, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
      connection.commit();
      connection.setAutoCommit(true);
      return new StoreDatabase(connection, rows, nextSeqs, clock);
    } catch (SQLException | RuntimeException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Opens an existing store file after checking it ({@code PRAGMA quick_check}, our schema),
   * upgrades a file of before queues existed, gives every queue its number (adding those the file
   * lacks, and to {@code queues} those only the file has), raises each queue's totals to the
   * file's, and marks the file open ({@value MetaTable#CLEAN_STOP} = 0).
   *
   * @throws DamagedDatabaseException or an SQLite corruption error when it must be moved aside
   */
  static StoreDatabase open(Path path, Queues queues, Clock clock) throws SQLException {
    try {
      if (Files.size(path) == 0) {
        throw new DamagedDatabaseException("zero-length file");
      }
    } catch (IOException e) {
      throw new SQLException("cannot read " + path + ": " + e, e);
    }
    Connection connection = SqliteFiles.connect(path);
    try {
      String check = SqliteFiles.quickCheck(connection);
      if (!check.equals("ok")) {
        throw new DamagedDatabaseException("quick_check: " + check);
      }
      SqliteFiles.configure(connection);
      Map<String, Long> rows;
      Map<Queue, Long> seqs = new IdentityHashMap<>();
      try {
        rows = SqliteFiles.meta(connection);
        if (!rows.containsKey(MetaTable.NEXT_SEQ)) {
          throw new SQLException("no " + MetaTable.NEXT_SEQ + " in meta");
        }
        SqliteFiles.query(connection, "SELECT count(*) FROM (SELECT id FROM messages LIMIT 1)");
      } catch (SQLException e) {
        if (SqliteErrors.isCorrupt(e)) {
          throw e;
        }
        throw new DamagedDatabaseException("not a store database (" + e.getMessage() + ")", e);
      }
      // These write to the file: a full disk or a busy lock fails the open, to be retried, and
      // never counts as damage (that would move the backlog aside).
      QueueSchema.upgrade(connection, path.toString());
      for (Queue q : QueueSchema.number(connection, queues)) {
        long seq = Math.max(MetaTable.seqIn(rows, q), QueueSummary.nextSeq(connection, q.number));
        seqs.put(q, Math.max(seq, 1));
      }
      long next = Math.max(rows.get(MetaTable.NEXT_SEQ), 1);
      next =
          Math.max(
              next, SqliteFiles.query(connection, "SELECT coalesce(max(id), 0) FROM messages") + 1);
      rows.put(MetaTable.NEXT_SEQ, next);
      for (Queue q : seqs.keySet()) {
        q.stats.totals().raiseTo(MetaTable.totalsIn(rows, q));
      }
      StoreDatabase db = new StoreDatabase(connection, rows, seqs, clock);
      db.meta.markOpen();
      return db;
    } catch (SQLException | RuntimeException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
  }

  /** The next row id: above every id this file has used. */
  long nextId() {
    return nextId;
  }

  /** The queue's next sequence number, 0 when the file does not know the queue. */
  long nextSeq(Queue queue) {
    return nextSeq.getOrDefault(queue, 0L);
  }

  /** Whether the file was closed cleanly before this open. */
  boolean closedCleanly() {
    return meta.closedCleanly();
  }

  /** When messages were last committed to this file, {@code null} if never. */
  Instant lastCommit() {
    return meta.lastCommit();
  }

  /**
   * In one transaction, for every queue: applies the splits (each row that still exists takes its
   * first part, and its other parts are inserted with the queue's next numbers), inserts {@code
   * messages} with the numbers after those, moves the set-aside rows to {@code set_aside} and
   * deletes the rows {@code deletes}. The numbers advance only when it commits. Ids not present
   * (evicted) are ignored.
   */
  Map<Queue, QueueWritten> write(
      List<Queued> messages,
      Collection<RowSplit> splits,
      Map<Queue, Map<Long, String>> asides,
      Map<Queue, List<Long>> deletes)
      throws SQLException {
    long id = nextId;
    Map<Queue, Long> seqs = new IdentityHashMap<>();
    Map<Queue, QueueWritten> written = new IdentityHashMap<>();
    connection.setAutoCommit(false);
    try {
      List<Queued> inserts = new ArrayList<>();
      for (RowSplit split : splits) {
        replacePayload.setBytes(1, split.first());
        replacePayload.setLong(2, split.id());
        if (replacePayload.executeUpdate() > 0) {
          split.rest().forEach(m -> inserts.add(new Queued(split.queue(), m)));
        }
      }
      inserts.addAll(messages);
      id = rowInserts.insert(inserts, id, nextSeq, seqs, written);
      Map<Queue, Integer> asideCounts = new IdentityHashMap<>();
      for (Map.Entry<Queue, Map<Long, String>> e : asides.entrySet()) {
        if (!e.getValue().isEmpty()) {
          int moved = setAside.moveAside(e.getValue());
          asideCounts.put(e.getKey(), moved);
          written.computeIfAbsent(e.getKey(), k -> new QueueWritten()).setAside = moved;
        }
      }
      meta.stageCommit(inserts.isEmpty() ? 0 : id, seqs, asideCounts);
      for (Map.Entry<Queue, List<Long>> e : deletes.entrySet()) {
        if (!e.getValue().isEmpty()) {
          written.computeIfAbsent(e.getKey(), k -> new QueueWritten()).deleted =
              delete(e.getValue());
        }
      }
      connection.commit();
      nextId = id;
      nextSeq.putAll(seqs);
      meta.committed();
      return written;
    } catch (SQLException | RuntimeException e) {
      rowInserts.clearBatch();
      deleteRange.clearBatch();
      meta.rolledBack();
      rollbackQuietly();
      throw e;
    } finally {
      autoCommitQuietly();
    }
  }

  /**
   * Writes the totals and {@value MetaTable#CLEAN_STOP} = 1 in one transaction and closes the file:
   * the next open knows the run before it ended cleanly. Best effort: a file that cannot take the
   * write is closed anyway, and the next open reports an unclean stop, which is then the truth.
   *
   * @return whether the file was marked clean
   */
  boolean closeCleanly() {
    boolean marked = false;
    try {
      connection.setAutoCommit(false);
      meta.stageCleanClose();
      connection.commit();
      marked = true;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
    } finally {
      SqliteFiles.closeQuietly(connection);
    }
    return marked;
  }

  /**
   * Deletes the rows of {@code ids}. Acknowledgements come in runs of consecutive ids (a drain
   * acknowledges in sending order), and a run whose every id is acknowledged is deleted by one
   * range statement instead of one statement per row (a lone id is a run of one): no row outside
   * {@code ids} can be in it, whatever its queue or priority, since ids are unique.
   */
  private int delete(Collection<Long> ids) throws SQLException {
    long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
        j++;
      }
      deleteRange.setLong(1, sorted[i]);
      deleteRange.setLong(2, sorted[j]);
      deleteRange.addBatch();
      i = j + 1;
    }
    int deleted = 0;
    for (int count : deleteRange.executeBatch()) {
      deleted += Math.max(count, 0);
    }
    return deleted;
  }

  /** Up to {@code limit} messages of one queue and priority with an id above {@code afterId}. */
  List<StoredMessage> after(Queue queue, Priority priority, long afterId, int limit)
      throws SQLException {
    PreparedStatement rows = after.get(queue.number);
    if (rows == null) {
      rows =
          connection.prepareStatement(
              "SELECT id, coalesce(seq, id), topic, payload, created FROM messages WHERE "
                  + QueueSchema.rowsOf(queue.number)
                  + " AND priority = ? AND id > ? ORDER BY id LIMIT ?");
      after.put(queue.number, rows);
    }
    rows.setInt(1, priority.ordinal());
    rows.setLong(2, afterId);
    rows.setInt(3, limit);
    List<StoredMessage> out = new ArrayList<>(Math.min(limit, 1024));
    try (ResultSet rs = rows.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoredMessage(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                priority,
                rs.getBytes(4),
                Instant.ofEpochMilli(rs.getLong(5))));
      }
    }
    return out;
  }

  /** Deletes up to {@code limit} of the queue's oldest messages of {@code priority}. */
  EvictedBatch evictOldest(Queue queue, Priority priority, int limit) throws SQLException {
    return OldestRows.evict(connection, meta, queue, priority, limit);
  }

  /** Sets {@code newest[priority]} to the queue's highest id of each priority, 0 for none. */
  void newestIds(Queue queue, long[] newest) throws SQLException {
    QueueSummary.newestIds(connection, queue.number, newest);
  }

  long count(Queue queue) throws SQLException {
    return QueueSummary.count(connection, queue.number);
  }

  /** Bytes in use: pages minus free pages, so the figure drops as soon as rows are deleted. */
  long usedBytes() throws SQLException {
    return (SqliteFiles.pragma(connection, "page_count")
            - SqliteFiles.pragma(connection, "freelist_count"))
        * pageSize;
  }

  /** Gives the free pages back to the file system (auto_vacuum is INCREMENTAL). */
  void reclaimFreePages() throws SQLException {
    try (Statement s = connection.createStatement()) {
      // executeUpdate steps the pragma to completion (execute would free a single page)
      s.executeUpdate("PRAGMA incremental_vacuum");
    }
  }

  /** What each priority of the queue holds, highest first. */
  List<PrioritySpan> spans(Queue queue) throws SQLException {
    return QueueSummary.spans(connection, queue.number);
  }

  @Override
  public void close() {
    SqliteFiles.closeQuietly(connection);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // the original failure is what matters
    }
  }

  private void autoCommitQuietly() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException | RuntimeException ignored) {
      // the connection is failing; the caller handles the original error
    }
  }
}
