package cn.yichang.edge.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meta table's rows as a transaction leaves them in a real SQLite file. */
class MetaTableTest {
  @TempDir Path dir;

  @Test
  void anEvictionThatIsTheRunsFirstCommitAlsoMarksTheFileOpen() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("meta.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      s.executeUpdate("INSERT INTO meta VALUES ('next_seq', 10), ('clean_stop', 1)");
      // as after a clean stop, with markOpen() not done: the disk was too full for it
      Queue queue = new Queue(Queue.FIRST, true, new FileFigures());
      MetaTable meta =
          new MetaTable(
              c, Map.of("next_seq", 10L, "clean_stop", 1L), List.of(queue), Clock.systemUTC());
      c.setAutoCommit(false);
      meta.stageEviction(queue, 3);
      c.commit();
      meta.committed();
      c.setAutoCommit(true);

      assertThat(value(s, "clean_stop")).isZero(); // a kill -9 from here on is reported
      assertThat(value(s, "evicted")).isEqualTo(3);
    }
  }

  private static long value(Statement s, String key) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = '" + key + "'")) {
      assertThat(rs.next()).as(key).isTrue();
      return rs.getLong(1);
    }
  }
}
