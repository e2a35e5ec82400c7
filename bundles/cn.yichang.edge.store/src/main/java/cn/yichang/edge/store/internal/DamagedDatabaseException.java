package cn.yichang.edge.store.internal;

import java.sql.SQLException;

/** The file is not a usable store database: empty, failing its check, or without our schema. */
final class DamagedDatabaseException extends SQLException {
  private static final long serialVersionUID = 1L;

  DamagedDatabaseException(String reason) {
    super(reason);
  }

  DamagedDatabaseException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
