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

  /** The queue's next sequence number by its rows: above the highest it holds, 1 when empty. */
  static long nextSeq(Connection connection, int queue) throws SQLException {
    try (PreparedStatement max =
        connection.prepareStatement(
            "SELECT coalesce(max(coalesce(seq, id)), 0) FROM messages WHERE "
                + QueueSchema.rowsOf(queue))) {
      try (ResultSet rs = max.executeQuery()) {
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
