package cn.yichang.edge.store.internal;

import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: settings for a file in a temporary directory, numbered messages. */
final class Stores {
  static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");
  static final Duration LONG = Duration.ofSeconds(20);

  private Stores() {}

  /** Small commit interval so that tests run fast; no practical size limit. */
  static StoreSettings settings(Path dir) {
    return new StoreSettings(
        dir.resolve("buffer.db"), 64L << 20, Duration.ofMillis(20), 500, 20_000, 8L << 20);
  }

  static StoreSettings withLimit(StoreSettings s, long maxBytes) {
    return new StoreSettings(
        s.path(),
        maxBytes,
        s.commitInterval(),
        s.commitMaxMessages(),
        s.queueMaxMessages(),
        s.queueMaxBytes());
  }

  static StoreSettings withCommits(StoreSettings s, Duration interval, int max) {
    return new StoreSettings(
        s.path(), s.maxBytes(), interval, max, s.queueMaxMessages(), s.queueMaxBytes());
  }

  static StoreSettings withQueue(StoreSettings s, int maxMessages) {
    return new StoreSettings(
        s.path(),
        s.maxBytes(),
        s.commitInterval(),
        s.commitMaxMessages(),
        maxMessages,
        s.queueMaxBytes());
  }

  /** Message number {@code n}: topic {@code t/n}, acquired {@code n} ms after {@link #T0}. */
  static OutboundMessage message(Priority priority, int n) {
    return message(priority, n, 16);
  }

  static OutboundMessage message(Priority priority, int n, int payloadBytes) {
    byte[] payload = new byte[payloadBytes];
    Arrays.fill(payload, (byte) 'x');
    byte[] tag = ("p" + n).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tag, 0, payload, 0, Math.min(tag.length, payloadBytes));
    return new OutboundMessage("t/" + n, priority, payload, T0.plusMillis(n));
  }

  static int number(StoredMessage m) {
    return Integer.parseInt(m.topic().substring(2));
  }

  static void awaitAccepted(SqliteMessageStore store, long accepted) {
    await().atMost(LONG).until(() -> store.counters().accepted() >= accepted);
  }

  /** A row of the file's meta table, read beside the store (WAL lets a reader in). */
  static long meta(Path db, String key) throws SQLException {
    try (Connection c = SqliteFiles.connect(db)) {
      return SqliteFiles.meta(c).getOrDefault(key, -1L);
    }
  }

  /** Takes until {@code count} messages came or nothing comes for a second. */
  static List<StoredMessage> takeAll(SqliteMessageStore store, int count)
      throws InterruptedException {
    List<StoredMessage> out = new ArrayList<>();
    while (out.size() < count) {
      List<StoredMessage> got = store.take(count - out.size(), Duration.ofSeconds(1));
      if (got.isEmpty()) {
        break;
      }
      out.addAll(got);
    }
    return out;
  }
}
