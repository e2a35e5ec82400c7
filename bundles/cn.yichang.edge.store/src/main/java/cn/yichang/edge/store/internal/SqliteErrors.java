package cn.yichang.edge.store.internal;

import java.sql.SQLException;
import java.util.Locale;

/** Sorts SQLite failures into what the store does about them. */
final class SqliteErrors {
  // Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low
  // byte.
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_NOTADB = 26;

  private SqliteErrors() {}

  /** The file is damaged or not a database: move it aside and start a new one. */
  static boolean isCorrupt(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DamagedDatabaseException) {
        return true;
      }
      if (t instanceof SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
          return true;
        }
      }
      String message = lower(t);
      if (message.contains("malformed") || message.contains("not a database")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The disk is full (or refuses writes): count what cannot be written, retry on the next group.
   */
  static boolean isDiskFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && (e.getErrorCode() & 0xff) == SQLITE_FULL) {
        return true;
      }
      String message = lower(t);
      if (message.contains("disk is full") || message.contains("no space left")) {
        return true;
      }
    }
    return false;
  }

  private static String lower(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
  }
}
