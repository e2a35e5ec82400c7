package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Eviction's statement: a queue's oldest rows of one priority, dropped and counted. */
final class OldestRows {
  private OldestRows() {}

  /**
   * Deletes up to {@code limit} of the queue's oldest messages of {@code priority} in one
   * transaction, with their count in the meta table.
   */
  static EvictedBatch evict(
      Connection connection, MetaTable meta, Queue queue, Priority priority, int limit)
      throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*), min(created), max(created), max(id) FROM (SELECT id, created"
                    + " FROM messages WHERE "
                    + QueueSchema.rowsOf(queue.number)
                    + " AND priority = ? ORDER BY id LIMIT ?)");
        PreparedStatement drop =
            connection.prepareStatement(
                "DELETE FROM messages WHERE "
                    + QueueSchema.rowsOf(queue.number)
                    + " AND priority = ? AND id <= ?")) {
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
          meta.stageEviction(queue, count);
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          meta.rolledBack();
          quietly(connection::rollback);
          throw e;
        } finally {
          quietly(() -> connection.setAutoCommit(true));
        }
        meta.committed();
      }
      return new EvictedBatch(
          queue, priority, count, Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(newest));
    }
  }

  private interface SqlStep {
    void run() throws SQLException;
  }

  /** The eviction's own failure is what matters; the connection's next use reports its state. */
  private static void quietly(SqlStep step) {
    try {
      step.run();
    } catch (SQLException | RuntimeException ignored) {
      // see above
    }
  }
}
