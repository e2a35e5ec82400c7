package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
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
import java.util.List;
import java.util.Map;

/**
 * One open store file: its connection, schema and statements. Not thread-safe: {@link
 * DurableBuffer}'s lock guards it.
 *
 * <p>A message's id is its sequence number. Ids are therefore never reused, not even after the
 * newest rows were deleted or the file was replaced, so a late acknowledgement can never delete a
 * newer message.
 *
 * <p>Its {@link MetaTable} goes into the same transactions: the sequence, the totals, the last
 * commit and whether the file was closed cleanly.
 */
final class StoreDatabase implements AutoCloseable {
  private static final List<String> SCHEMA =
      List.of(
          """
          CREATE TABLE messages (
            id INTEGER PRIMARY KEY,  -- the sequence number
            priority INTEGER NOT NULL,  -- Priority.ordinal(): sent highest first, evicted lowest first
            topic TEXT NOT NULL,
            payload BLOB NOT NULL,
            created INTEGER NOT NULL  -- ms since the epoch
          )""",
          "CREATE INDEX messages_sending_order ON messages (priority, id)",
          "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
          SetAsideTable.SCHEMA);

  private final Connection connection;
  private final long pageSize;
  private final PreparedStatement insert;
  private final PreparedStatement deleteRange;
  private final PreparedStatement after;
  private final PreparedStatement replacePayload;
  private final MetaTable meta;
  private final SetAsideTable setAside;
  private long nextSeq;

  /** What one {@link #write} did. */
  record Written(int deleted, int inserted, int setAside, long[] newestInserted) {}

  private StoreDatabase(Connection connection, Map<String, Long> rows, Totals totals, Clock clock)
      throws SQLException {
    this.connection = connection;
    this.nextSeq = rows.get(MetaTable.NEXT_SEQ);
    this.meta = new MetaTable(connection, rows, totals, clock);
    this.pageSize = SqliteFiles.pragma(connection, "page_size");
    this.setAside = new SetAsideTable(connection, clock);
    replacePayload = connection.prepareStatement("UPDATE messages SET payload = ? WHERE id = ?");
    insert =
        connection.prepareStatement(
            "INSERT INTO messages (id, priority, topic, payload, created) VALUES (?, ?, ?, ?, ?)");
    deleteRange = connection.prepareStatement("DELETE FROM messages WHERE id BETWEEN ? AND ?");
    after =
        connection.prepareStatement(
            "SELECT id, topic, payload, created FROM messages"
                + " WHERE priority = ? AND id > ? ORDER BY id LIMIT ?");
  }

  /**
   * Creates a new store file whose first message gets sequence number {@code nextSeq}, with the
   * totals counted so far (a new file after a damaged one continues them).
   */
  static StoreDatabase create(Path path, long nextSeq, Totals totals, Clock clock)
      throws SQLException {
    Connection connection = SqliteFiles.connect(path);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA auto_vacuum = INCREMENTAL"); // only takes effect before the first table
      SqliteFiles.configure(connection);
      connection.setAutoCommit(false);
      for (String sql : SCHEMA) {
        s.executeUpdate(sql);
      }
      Map<String, Long> rows = MetaTable.initial(nextSeq, totals);
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
      return new StoreDatabase(connection, rows, totals, clock);
    } catch (SQLException | RuntimeException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Opens an existing store file after checking it ({@code PRAGMA quick_check}, our schema), raises
   * {@code totals} to the file's, and marks the file open ({@value #CLEAN_STOP} = 0).
   *
   * @throws DamagedDatabaseException or an SQLite corruption error when it must be moved aside
   */
  static StoreDatabase open(Path path, Totals totals, Clock clock) throws SQLException {
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
      try {
        rows = SqliteFiles.meta(connection);
        if (!rows.containsKey(MetaTable.NEXT_SEQ)) {
          throw new SQLException("no " + MetaTable.NEXT_SEQ + " in meta");
        }
        long next = Math.max(rows.get(MetaTable.NEXT_SEQ), 1);
        next =
            Math.max(
                next,
                SqliteFiles.query(connection, "SELECT coalesce(max(id), 0) FROM messages") + 1);
        rows.put(MetaTable.NEXT_SEQ, next);
      } catch (SQLException e) {
        if (SqliteErrors.isCorrupt(e)) {
          throw e;
        }
        throw new DamagedDatabaseException("not a store database (" + e.getMessage() + ")", e);
      }
      totals.raiseTo(MetaTable.totalsIn(rows));
      StoreDatabase db = new StoreDatabase(connection, rows, totals, clock);
      db.meta.markOpen();
      return db;
    } catch (SQLException | RuntimeException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
  }

  long nextSeq() {
    return nextSeq;
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
   * In one transaction: applies the splits (each row that still exists takes its first part, and
   * its other parts are inserted with the next sequence numbers), inserts {@code messages} with the
   * numbers after those, moves the set-aside rows to {@code set_aside} and deletes the rows {@code
   * deletes}. The sequence advances only when it commits. Ids not present (evicted) are ignored.
   */
  Written write(
      List<OutboundMessage> messages,
      Collection<RowSplit> splits,
      Map<Long, String> asides,
      Collection<Long> deletes)
      throws SQLException {
    long seq = nextSeq;
    long[] newestInserted = new long[Priority.values().length];
    int deleted = 0;
    int asideCount = 0;
    connection.setAutoCommit(false);
    try {
      List<OutboundMessage> inserts = new ArrayList<>();
      for (RowSplit split : splits) {
        replacePayload.setBytes(1, split.first());
        replacePayload.setLong(2, split.id());
        if (replacePayload.executeUpdate() > 0) {
          inserts.addAll(split.rest());
        }
      }
      inserts.addAll(messages);
      if (!inserts.isEmpty()) {
        for (OutboundMessage m : inserts) {
          newestInserted[m.priority().ordinal()] = seq;
          insert.setLong(1, seq++);
          insert.setInt(2, m.priority().ordinal());
          insert.setString(3, m.topic());
          insert.setBytes(4, m.payload());
          insert.setLong(5, m.created().toEpochMilli());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      if (!asides.isEmpty()) {
        asideCount = setAside.moveAside(asides);
      }
      meta.stageCommit(inserts.isEmpty() ? 0 : seq, asideCount);
      if (!deletes.isEmpty()) {
        deleted = delete(deletes);
      }
      connection.commit();
      long inserted = seq - nextSeq;
      nextSeq = seq;
      meta.committed();
      return new Written(deleted, (int) inserted, asideCount, newestInserted);
    } catch (SQLException | RuntimeException e) {
      insert.clearBatch();
      deleteRange.clearBatch();
      meta.rolledBack();
      rollbackQuietly();
      throw e;
    } finally {
      autoCommitQuietly();
    }
  }

  /**
   * Writes the totals and {@value #CLEAN_STOP} = 1 in one transaction and closes the file: the next
   * open knows the run before it ended cleanly. Best effort: a file that cannot take the write is
   * closed anyway, and the next open reports an unclean stop, which is then the truth.
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
   * {@code ids} can be in it, whatever its priority, since ids are unique sequence numbers.
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

  /** Up to {@code limit} messages of one priority with an id above {@code afterId}, by id. */
  List<StoredMessage> after(Priority priority, long afterId, int limit) throws SQLException {
    after.setInt(1, priority.ordinal());
    after.setLong(2, afterId);
    after.setInt(3, limit);
    List<StoredMessage> out = new ArrayList<>(Math.min(limit, 1024));
    try (ResultSet rs = after.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        out.add(
            new StoredMessage(
                id,
                id,
                rs.getString(2),
                priority,
                rs.getBytes(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
    }
    return out;
  }

  /** Deletes up to {@code limit} of the oldest messages of {@code priority} in one transaction. */
  EvictedBatch evictOldest(Priority priority, int limit) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*), min(created), max(created), max(id) FROM (SELECT id, created"
                    + " FROM messages WHERE priority = ? ORDER BY id LIMIT ?)");
        PreparedStatement drop =
            connection.prepareStatement("DELETE FROM messages WHERE priority = ? AND id <= ?")) {
      select.setInt(1, priority.ordinal());
      select.setInt(2, limit);
      int count;
      long oldest;
      long newest;
      long maxId;
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        count = rs.getInt(1);
        oldest = rs.getLong(2);
        newest = rs.getLong(3);
        maxId = rs.getLong(4);
      }
      if (count > 0) {
        connection.setAutoCommit(false);
        try {
          drop.setInt(1, priority.ordinal());
          drop.setLong(2, maxId);
          count = drop.executeUpdate();
          meta.stageEviction(count);
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          meta.rolledBack();
          rollbackQuietly();
          throw e;
        } finally {
          autoCommitQuietly();
        }
        meta.committed();
      }
      return new EvictedBatch(
          priority, count, Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(newest));
    }
  }

  /** Sets {@code newest[priority]} to the highest id of each priority in the file, 0 for none. */
  void newestIds(long[] newest) throws SQLException {
    QueueSummary.newestIds(connection, newest);
  }

  long count() throws SQLException {
    return SqliteFiles.query(connection, "SELECT count(*) FROM messages");
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

  /** What each priority holds, highest first. */
  List<PrioritySpan> spans() throws SQLException {
    return QueueSummary.spans(connection);
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
