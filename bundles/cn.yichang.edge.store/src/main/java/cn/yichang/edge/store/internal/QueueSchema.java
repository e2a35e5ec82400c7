package cn.yichang.edge.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queues of a store file: the {@code queues} table (number, destination name) and the {@code
 * queue} and {@code seq} columns of {@code messages}. A file written before queues existed is
 * upgraded in place, in one transaction, at open: its rows become the first queue's ({@value
 * Queue#FIRST}), keeping their ids as their sequence numbers ({@code seq} NULL), so that nothing is
 * lost or re-sent. Each queue has its own partial index ({@link #sendingOrder}).
 */
final class QueueSchema {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  static final String MESSAGES =
      """
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,  -- the file's row number, in commit order
        priority INTEGER NOT NULL,  -- Priority.ordinal(): sent highest first, evicted lowest first
        topic TEXT NOT NULL,
        payload BLOB NOT NULL,
        created INTEGER NOT NULL,  -- ms since the epoch
        queue INTEGER NOT NULL DEFAULT 0,  -- queues.number
        seq INTEGER  -- the queue's sequence number; NULL: the id (rows of before queues existed)
      )""";

  /**
   * A queue's sending order: a partial index of its rows alone, so that a row costs the upkeep of
   * one (priority, id) index, as before queues existed. SQLite uses a partial index only for a
   * query that names its queue as a literal ({@link #rowsOf}), never as a bound parameter.
   */
  static String sendingOrder(int queue) {
    return "CREATE INDEX IF NOT EXISTS messages_queue_"
        + queue
        + " ON messages (priority, id) WHERE "
        + rowsOf(queue);
  }

  /** The WHERE term of a queue's rows, as its index names it. */
  static String rowsOf(int queue) {
    return "queue = " + queue;
  }

  static final String QUEUES =
      "CREATE TABLE queues (number INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)";

  private QueueSchema() {}

  /** Upgrades a file of before, when it is one (it has no {@code queues} table). */
  static void upgrade(Connection connection, String path) throws SQLException {
    if (SqliteFiles.query(
            connection,
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'queues'")
        > 0) {
      return;
    }
    long rows = SqliteFiles.query(connection, "SELECT count(*) FROM messages");
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("ALTER TABLE messages ADD COLUMN queue INTEGER NOT NULL DEFAULT 0");
      s.executeUpdate("ALTER TABLE messages ADD COLUMN seq INTEGER");
      s.executeUpdate("DROP INDEX IF EXISTS messages_sending_order");
      s.executeUpdate(sendingOrder(0));
      s.executeUpdate(QUEUES);
      s.executeUpdate("INSERT INTO queues (number, name) VALUES (0, '" + Queue.FIRST + "')");
      // The first queue's next number is the file's next id now; written here, since another
      // queue's commits move the id on and the first queue's number would follow it otherwise.
      s.executeUpdate(
          "INSERT OR IGNORE INTO meta (key, value) SELECT '"
              + MetaTable.SEQ
              + "', value FROM meta WHERE key = '"
              + MetaTable.NEXT_SEQ
              + "'");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    LOG.info(
        "Store: {} now keeps a queue per destination; its {} messages are the queue of {}",
        path,
        rows,
        Queue.FIRST);
  }

  /** The file's queues by name, in number order. */
  static Map<String, Integer> read(Connection connection) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT number, name FROM queues ORDER BY number")) {
      while (rs.next()) {
        out.put(rs.getString(2), rs.getInt(1));
      }
    }
    return out;
  }

  /** The tables of a new file, with its queues numbered (those without a number yet after all). */
  static void create(Connection connection, Collection<Queue> queues) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql :
          List.of(
              MESSAGES,
              QUEUES,
              "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
              SetAsideTable.SCHEMA)) {
        s.executeUpdate(sql);
      }
    }
    int top = queues.stream().mapToInt(q -> q.number).max().orElse(0);
    for (Queue q : queues) {
      if (q.number < 0) {
        q.number = ++top;
      }
      add(connection, q);
    }
  }

  /**
   * Gives every queue its number in an existing file: the file's queues keep theirs (one it holds
   * that is not configured is added to {@code queues}), a configured one it lacks is added to it.
   *
   * @return every queue, numbered
   */
  static List<Queue> number(Connection connection, Queues queues) throws SQLException {
    Map<String, Integer> inFile = read(connection);
    inFile.forEach((name, number) -> queues.orCreate(name).number = number);
    int highest = inFile.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Queue> all = queues.all();
    try (Statement s = connection.createStatement()) {
      for (Queue q : all) {
        if (!inFile.containsKey(q.name)) {
          q.number = ++highest;
          add(connection, q);
        } else {
          s.executeUpdate(sendingOrder(q.number)); // one a crash left without its index
        }
      }
    }
    return all;
  }

  /** Adds a queue to the file (in the caller's transaction, or its own in auto-commit). */
  static void add(Connection connection, Queue queue) throws SQLException {
    try (PreparedStatement p =
            connection.prepareStatement("INSERT INTO queues (number, name) VALUES (?, ?)");
        Statement s = connection.createStatement()) {
      p.setInt(1, queue.number);
      p.setString(2, queue.name);
      p.executeUpdate();
      s.executeUpdate(sendingOrder(queue.number));
    }
  }
}
