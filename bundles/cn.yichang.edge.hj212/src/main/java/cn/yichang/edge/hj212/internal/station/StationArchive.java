package cn.yichang.edge.hj212.internal.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteDataSource;

/**
 * One destination's own SQLite file ({@code hj212-<id>.db} in the state directory, mode 0600: it
 * holds the password the platform set): the open windows, every aggregate the station made (the
 * platform asks for history by time, which a send queue cannot answer), and what the platform set
 * (password, intervals, timeout and retries, the clock's correction). Each change is one
 * transaction with {@code synchronous=FULL}; the windows are written once per closed window and
 * every {@link StationStage#SAVE_EVERY}, so an SD card sees a few fsyncs a minute.
 */
final class StationArchive implements AutoCloseable {

  /** How long aggregates are kept for history requests, by CN. */
  static final Map<String, Integer> KEEP_DAYS = Map.of("2051", 31, "2061", 366, "2031", 3660);

  private final Connection db;

  private StationArchive(Connection db) {
    this.db = db;
  }

  static StationArchive open(Path file) throws SQLException, IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    Connection c = source.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = FULL");
      s.execute("CREATE TABLE IF NOT EXISTS setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS aggregate (cn TEXT NOT NULL, data_time TEXT NOT NULL,"
              + " cp TEXT NOT NULL, queued INTEGER NOT NULL, PRIMARY KEY (cn, data_time))");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    c.setAutoCommit(false);
    return new StationArchive(c);
  }

  synchronized Optional<String> setting(String key) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  synchronized void set(String key, String value) throws SQLException {
    put(key, value);
    db.commit();
  }

  /**
   * Closed windows and the open ones after them, in one transaction: a crash leaves either both or
   * neither, so a window is never counted twice nor lost.
   *
   * @param aggregates CN, DataTime (14 digits) and CP of each closed window
   */
  synchronized void closeWindows(List<String[]> aggregates, String openWindows)
      throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO aggregate VALUES (?, ?, ?, 0)")) {
      for (String[] a : aggregates) {
        p.setString(1, a[0]);
        p.setString(2, a[1]);
        p.setString(3, a[2]);
        p.addBatch();
      }
      p.executeBatch();
      put("windows", openWindows);
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    }
  }

  synchronized void saveWindows(String openWindows) throws SQLException {
    set("windows", openWindows);
  }

  /**
   * The aggregates not yet confirmed in the buffer's queue (made just before a crash): they are
   * queued again at start.
   */
  synchronized List<String[]> unqueued() throws SQLException {
    return query("SELECT cn, data_time, cp FROM aggregate WHERE queued = 0 ORDER BY data_time, cn");
  }

  /** The buffer has surely committed these by now (they were queued a save interval ago). */
  synchronized void confirmQueued(List<String[]> aggregates) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("UPDATE aggregate SET queued = 1 WHERE cn = ? AND data_time = ?")) {
      for (String[] a : aggregates) {
        p.setString(1, a[0]);
        p.setString(2, a[1]);
        p.addBatch();
      }
      p.executeBatch();
      db.commit();
    }
  }

  /** History: the CP of the CN's windows that start between the two times, both included. */
  synchronized List<String> history(String cn, String begin, String end) throws SQLException {
    List<String> cps = new ArrayList<>();
    try (PreparedStatement p =
        db.prepareStatement(
            "SELECT cp FROM aggregate WHERE cn = ? AND data_time BETWEEN ? AND ?"
                + " ORDER BY data_time")) {
      p.setString(1, cn);
      p.setString(2, begin);
      p.setString(3, end);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          cps.add(rs.getString(1));
        }
      }
    }
    return cps;
  }

  /** Forgets aggregates older than {@link #KEEP_DAYS} before {@code now}. */
  synchronized int expire(LocalDateTime now) throws SQLException {
    int removed = 0;
    try (PreparedStatement p =
        db.prepareStatement("DELETE FROM aggregate WHERE cn = ? AND data_time < ?")) {
      for (Map.Entry<String, Integer> e : KEEP_DAYS.entrySet()) {
        p.setString(1, e.getKey());
        p.setString(2, cn.yichang.edge.hj212.Qn.TIME.format(now.minusDays(e.getValue())));
        removed += p.executeUpdate();
      }
      db.commit();
    }
    return removed;
  }

  @Override
  public synchronized void close() throws SQLException {
    db.close();
  }

  private void put(String key, String value) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO setting VALUES (?, ?)")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  private List<String[]> query(String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
