package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read-only questions about what one queue holds in the {@code messages} table, per priority. */
final class QueueSummary {
  private QueueSummary() {}

  /** Sets {@code newest[priority]} to the queue's highest id of each priority, 0 for none. */
  static void newestIds(Connection connection, int queue, long[] newest) throws SQLException {
    // one indexed lookup per priority, not a scan of a large backlog
    try (PreparedStatement max =
        connection.prepareStatement(
            "SELECT coalesce(max(id), 0) FROM messages WHERE "
                + QueueSchema.rowsOf(queue)
                + " AND priority = ?")) {
      for (Priority p : Priority.values()) {
        max.setInt(1, p.ordinal());
        try (ResultSet rs = max.executeQuery()) {
          newest[p.ordinal()] = rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
  }

  /**
   * The queue's next sequence number by its rows: above that of its newest row (numbers rise with
   * ids within a queue), found through its index; 1 when it has none.
   */
  static long nextSeq(Connection connection, int queue) throws SQLException {
    long[] newest = new long[Priority.values().length];
    newestIds(connection, queue, newest);
    long id = 0;
    for (long n : newest) {
      id = Math.max(id, n);
    }
    if (id == 0) {
      return 1;
    }
    try (PreparedStatement seq =
        connection.prepareStatement("SELECT coalesce(seq, id) FROM messages WHERE id = ?")) {
      seq.setLong(1, id);
      try (ResultSet rs = seq.executeQuery()) {
        return (rs.next() ? rs.getLong(1) : 0) + 1;
      }
    }
  }

  static long count(Connection connection, int queue) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM messages WHERE " + QueueSchema.rowsOf(queue))) {
      try (ResultSet rs = count.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** The count and the oldest and newest acquisition time of each priority, highest first. */
  static List<PrioritySpan> spans(Connection connection, int queue) throws SQLException {
    List<PrioritySpan> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT priority, count(*), min(created), max(created) FROM messages WHERE "
                + QueueSchema.rowsOf(queue)
                + " GROUP BY priority ORDER BY priority DESC")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PrioritySpan(
                  Priority.values()[rs.getInt(1)],
                  rs.getLong(2),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    }
    return out;
  }
}
