package cn.yichang.edge.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opening SQLite files the store's way (through {@link SQLiteDataSource}: no DriverManager in
 * OSGi).
 */
final class SqliteFiles {

  private SqliteFiles() {}

  static Connection connect(Path path) throws SQLException {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + path);
    Connection connection = source.getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  static void configure(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
      }
      // FULL: a commit is on the disk when it returns, so a power cut loses no committed group.
      s.execute("PRAGMA synchronous = FULL");
      // Keep the write-ahead log from staying large after a burst.
      s.execute("PRAGMA journal_size_limit = 4194304");
    }
  }

  static String quickCheck(Connection connection) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
      while (rs.next()) {
        out.append(out.length() == 0 ? "" : "; ").append(rs.getString(1));
      }
    }
    return out.toString();
  }

  static long pragma(Connection connection, String name) throws SQLException {
    return query(connection, "PRAGMA " + name);
  }

  static long query(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from " + sql);
      }
      return rs.getLong(1);
    }
  }

  /** The rows of the store's {@code meta} table. */
  static Map<String, Long> meta(Connection connection) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /**
   * The rows of a damaged file's meta table (next sequence number, totals, last commit), as far as
   * they can still be read; empty when none can.
   */
  static Map<String, Long> salvageMeta(Path path) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + path);
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      // Relaxes the checks that reject a whole file whose header promises more pages than it has.
      s.execute("PRAGMA writable_schema = ON");
      return meta(c);
    } catch (SQLException | RuntimeException e) {
      return Map.of(); // unreadable: the caller continues from what it knows, or the clock
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // closing a failed connection
    }
  }
}
