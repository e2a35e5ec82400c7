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
 * <p>Rounds alternate raw and store runs so that a change in the machine's load shows in one round
 * rather than in one side of the ratio; the median of the rounds is printed last. Arguments: {@code
 * [seconds per phase, 10] [rounds, 3] [payload bytes, 200] [group size, 500] [directory,
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
    Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int payloadBytes = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int group = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    Path parent = Path.of(args.length > 4 ? args[4] : System.getProperty("java.io.tmpdir"));
    System.out.printf(
        "store bench: %d rounds of raw then store, %d s per phase, %d-byte payloads, groups of %d,"
            + " WAL + synchronous=FULL, in %s%n",
        rounds, phase.toSeconds(), payloadBytes, group, parent);
    StoreBench bench = new StoreBench(phase, payloadBytes, group, parent);
    List<double[]> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double[] r = bench.round();
      results.add(r);
      print("round " + round, r);
    }
    if (rounds > 1) {
      System.out.printf(
          Locale.ROOT,
          "median of the rounds' ratios: ingest %.2f, drain %.2f%n",
          median(results.stream().mapToDouble(r -> r[1] / r[0]).toArray()),
          median(results.stream().mapToDouble(r -> r[3] / r[2]).toArray()));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(String label, double[] r) {
    System.out.printf(
        Locale.ROOT,
        "%-8s ingest: raw %,9.0f msg/s, store %,9.0f msg/s, ratio %.2f | drain: raw %,9.0f"
            + " msg/s, store %,9.0f msg/s, ratio %.2f%n",
        label,
        r[0],
        r[1],
        r[1] / r[0],
        r[2],
        r[3],
        r[3] / r[2]);
  }

  /** Raw ingest and drain, then the store's, on new files: {rawIn, storeIn, rawOut, storeOut}. */
  private double[] round() throws Exception {
    Path work = Files.createTempDirectory(dir, "store-bench");
    try {
      double rawIngest = rawIngest(work.resolve("raw.db"));
      double rawDrain = rawDrain(work.resolve("raw.db"));
      double[] store = storeIngestAndDrain(work.resolve("store.db"));
      return new double[] {rawIngest, store[0], rawDrain, store[1]};
    } finally {
      delete(work);
    }
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
          "  store: %d accepted in %d group commits, %d drained%n",
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
