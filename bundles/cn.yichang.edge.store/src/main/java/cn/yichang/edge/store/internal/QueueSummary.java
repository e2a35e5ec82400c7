package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read-only questions about what the {@code messages} table holds, per priority. */
final class QueueSummary {
  private QueueSummary() {}

  /** Sets {@code newest[priority]} to the highest id of each priority in the file, 0 for none. */
  static void newestIds(Connection connection, long[] newest) throws SQLException {
    // one indexed lookup per priority, not a scan of a large backlog
    try (PreparedStatement max =
        connection.prepareStatement(
            "SELECT coalesce(max(id), 0) FROM messages WHERE priority = ?")) {
      for (Priority p : Priority.values()) {
        max.setInt(1, p.ordinal());
        try (ResultSet rs = max.executeQuery()) {
          newest[p.ordinal()] = rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
  }

  /** The count and the oldest and newest acquisition time of each priority, highest first. */
  static List<PrioritySpan> spans(Connection connection) throws SQLException {
    List<PrioritySpan> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT priority, count(*), min(created), max(created) FROM messages"
                    + " GROUP BY priority ORDER BY priority DESC")) {
      while (rs.next()) {
        out.add(
            new PrioritySpan(
                Priority.values()[rs.getInt(1)],
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
    }
    return out;
  }
}
