package cn.yichang.edge.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
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

  /** The next sequence number recorded in a damaged file's meta table, if it can still be read. */
  static OptionalLong salvageNextSeq(Path path) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + path);
    long best = 0;
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      // Relaxes the checks that reject a whole file whose header promises more pages than it has.
      s.execute("PRAGMA writable_schema = ON");
      // Only the meta value: max(id) + 1 of the surviving rows is below numbers already used
      // whenever higher ids were acknowledged and deleted first (alarms overtaking a telemetry
      // backlog), and reusing them would make new data look like duplicates to the platform.
      try {
        best = query(c, "SELECT value FROM meta WHERE key = 'next_seq'");
      } catch (SQLException | RuntimeException e) {
        // unreadable: the caller continues from the clock
      }
    } catch (SQLException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return best > 1 ? OptionalLong.of(best) : OptionalLong.empty();
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // closing a failed connection
    }
  }
}
