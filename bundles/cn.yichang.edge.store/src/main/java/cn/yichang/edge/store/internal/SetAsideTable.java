package cn.yichang.edge.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

/**
 * The store file's {@code set_aside} table: messages the platform will never accept, moved out of
 * the queue in the caller's transaction and kept for an operator to look at. Only the newest
 * {@value #KEPT} are kept; the meta table counts all of them.
 */
final class SetAsideTable {
  /** Files written before this table existed get it at open. */
  static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS set_aside (
        id INTEGER PRIMARY KEY,  -- the sequence number it had
        priority INTEGER NOT NULL,
        topic TEXT NOT NULL,
        payload BLOB NOT NULL,
        created INTEGER NOT NULL,
        reason TEXT NOT NULL,
        set_aside INTEGER NOT NULL  -- ms since the epoch
      )""";

  /** The newest set-aside messages kept; older ones are only counted. */
  static final int KEPT = 100;

  private final PreparedStatement copy;
  private final PreparedStatement deleteFromQueue;
  private final PreparedStatement trim;
  private final Clock clock;

  SetAsideTable(Connection connection, Clock clock) throws SQLException {
    this.clock = clock;
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(SCHEMA);
    }
    copy =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO set_aside (id, priority, topic, payload, created, reason,"
                + " set_aside) SELECT id, priority, topic, payload, created, ?, ? FROM messages"
                + " WHERE id = ?");
    deleteFromQueue = connection.prepareStatement("DELETE FROM messages WHERE id = ?");
    trim =
        connection.prepareStatement(
            "DELETE FROM set_aside WHERE id <= (SELECT id FROM set_aside ORDER BY id DESC"
                + " LIMIT 1 OFFSET ?)");
  }

  /**
   * Moves each row (id to reason) from the queue to this table, in the caller's transaction.
   *
   * @return how many were still in the queue (the others were evicted meanwhile)
   */
  int moveAside(Map<Long, String> rows) throws SQLException {
    long now = clock.millis();
    int moved = 0;
    for (Map.Entry<Long, String> row : rows.entrySet()) {
      copy.setString(1, row.getValue());
      copy.setLong(2, now);
      copy.setLong(3, row.getKey());
      copy.executeUpdate();
      deleteFromQueue.setLong(1, row.getKey());
      moved += deleteFromQueue.executeUpdate();
    }
    trim.setInt(1, KEPT);
    trim.executeUpdate();
    return moved;
  }
}
