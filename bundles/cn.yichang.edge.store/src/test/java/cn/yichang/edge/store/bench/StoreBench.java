package cn.yichang.edge.store.bench;

import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.sqlite.SQLiteDataSource;

/**
 * Prints the buffer's ingest and drain rates beside the raw limit of the same disk, measured in the
 * same run: plain batched sqlite-jdbc inserts (and selects + deletes) in transactions of the same
 * size, with the same pragmas. Not a test: figures, no assertions. See the bundle's README.
 *
 * <p>Arguments: {@code [seconds per phase, 30] [payload bytes, 200] [group size, 500] [directory,
 * java.io.tmpdir]}.
 */
public final class StoreBench {
  private static final String TOPIC = "yichang/yc-agri-0042/sensors/soil-01";

  private final Duration phase;
  private final int group;
  private final byte[] payload;
  private final Path dir;

  private StoreBench(Duration phase, int payloadBytes, int group, Path dir) {
    this.phase = phase;
    this.group = group;
    this.payload = new byte[payloadBytes];
    new Random(42).nextBytes(payload);
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 30);
    int payloadBytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int group = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path parent = Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(parent, "store-bench");
    System.out.printf(
        "store bench: %d s per phase, %d-byte payloads, groups of %d, WAL + synchronous=FULL, in %s%n",
        phase.toSeconds(), payloadBytes, group, dir);
    try {
      new StoreBench(phase, payloadBytes, group, dir).run();
    } finally {
      delete(dir);
    }
  }

  private void run() throws Exception {
    double rawIngest = rawIngest(dir.resolve("raw.db"));
    double rawDrain = rawDrain(dir.resolve("raw.db"));
    double[] store = storeIngestAndDrain(dir.resolve("store.db"));
    System.out.printf(
        Locale.ROOT,
        "ingest  raw sqlite-jdbc %,10.0f msg/s   MessageStore.enqueue->committed %,10.0f msg/s"
            + "   ratio %.2f%n",
        rawIngest,
        store[0],
        store[0] / rawIngest);
    System.out.printf(
        Locale.ROOT,
        "drain   raw select+delete %,8.0f msg/s   MessageStore.take+acknowledge   %,10.0f msg/s"
            + "   ratio %.2f%n",
        rawDrain,
        store[1],
        store[1] / rawDrain);
  }

  /** Plain inserts, {@code group} per transaction, as fast as the disk commits them. */
  private double rawIngest(Path file) throws SQLException {
    try (Connection c = connect(file)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA auto_vacuum = INCREMENTAL");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        s.execute("PRAGMA journal_size_limit = 4194304");
        s.executeUpdate(
            "CREATE TABLE messages (id INTEGER PRIMARY KEY, priority INTEGER NOT NULL, topic TEXT"
                + " NOT NULL, payload BLOB NOT NULL, created INTEGER NOT NULL)");
        s.executeUpdate("CREATE INDEX messages_sending_order ON messages (priority, id)");
      }
      c.setAutoCommit(false);
      long rows = 0;
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO messages (id, priority, topic, payload, created) VALUES (?,?,?,?,?)")) {
        while (System.nanoTime() < end) {
          for (int i = 0; i < group; i++) {
            rows++;
            insert.setLong(1, rows);
            insert.setInt(2, (int) (rows % 3));
            insert.setString(3, TOPIC);
            insert.setBytes(4, payload);
            insert.setLong(5, System.currentTimeMillis());
            insert.addBatch();
          }
          insert.executeBatch();
          c.commit();
        }
      }
      return rate(rows, start);
    }
  }

  /** Selects in sending order and deletes, {@code group} per transaction. */
  private double rawDrain(Path file) throws SQLException {
    try (Connection c = connect(file)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous = FULL");
      }
      c.setAutoCommit(false);
      long rows = 0;
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, topic, payload, created FROM messages WHERE priority = ?"
                      + " ORDER BY id LIMIT ?");
          PreparedStatement delete = c.prepareStatement("DELETE FROM messages WHERE id = ?")) {
        while (System.nanoTime() < end) {
          List<Long> ids = new ArrayList<>(group);
          for (int priority = 2; priority >= 0 && ids.size() < group; priority--) {
            select.setInt(1, priority);
            select.setInt(2, group - ids.size());
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
                rs.getString(2);
                rs.getBytes(3);
              }
            }
          }
          if (ids.isEmpty()) {
            break;
          }
          for (long id : ids) {
            delete.setLong(1, id);
            delete.addBatch();
          }
          delete.executeBatch();
          c.commit();
          rows += ids.size();
        }
      }
      return rate(rows, start);
    }
  }

  /** Enqueue as fast as the store commits (staying within its queue), then take + acknowledge. */
  private double[] storeIngestAndDrain(Path file) throws InterruptedException {
    StoreSettings settings =
        new StoreSettings(
            file, Long.MAX_VALUE / 2, Duration.ofMillis(250), group, 20_000, 8L << 20);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      long enqueued = 0;
      Priority[] priorities = Priority.values();
      while (System.nanoTime() < end) {
        store.enqueue(
            new OutboundMessage(TOPIC, priorities[(int) (enqueued % 3)], payload, Instant.now()));
        enqueued++;
        if (enqueued % 256 == 0) {
          while (backlog(store.counters(), enqueued) > 10_000 && System.nanoTime() < end) {
            LockSupport.parkNanos(20_000);
          }
        }
      }
      StoreCounters atEnd = store.counters();
      double ingest = rate(atEnd.accepted(), start);
      if (atEnd.lost() > 0) {
        System.out.printf("warning: %d messages lost during the ingest phase%n", atEnd.lost());
      }
      while (store.counters().accepted() + store.counters().lost() < enqueued) {
        LockSupport.parkNanos(1_000_000); // let the last groups commit before draining
      }

      long acknowledgedBefore = store.counters().acknowledged();
      start = System.nanoTime();
      end = start + phase.toNanos();
      long taken = 0;
      while (System.nanoTime() < end) {
        List<StoredMessage> got = store.take(group, Duration.ofMillis(100));
        if (got.isEmpty()) {
          break;
        }
        for (StoredMessage m : got) {
          store.acknowledge(m.id());
        }
        taken += got.size();
      }
      while (store.counters().acknowledged() - acknowledgedBefore < taken) {
        LockSupport.parkNanos(1_000_000); // count a message once its deletion is committed
      }
      double drain = rate(taken, start);
      System.out.printf(
          Locale.ROOT,
          "store: %d accepted in %d group commits; drained %d%n",
          store.counters().accepted(),
          store.commits(),
          taken);
      return new double[] {ingest, drain};
    }
  }

  private static long backlog(StoreCounters c, long enqueued) {
    return enqueued - c.accepted() - c.lost();
  }

  private static double rate(long count, long startNanos) {
    return count / ((System.nanoTime() - startNanos) / 1e9);
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    return source.getConnection();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
