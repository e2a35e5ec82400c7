package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptDatabaseTest {
  private static final Instant NOW = Instant.parse("2026-11-29T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long CLOCK_SEQ = ChronoUnit.MICROS.between(Instant.EPOCH, NOW);

  @TempDir Path dir;

  @Test
  void garbageIsMovedAsideAndTheSequenceContinuesFromTheClock() throws Exception {
    byte[] garbage = new byte[8192];
    new Random(1).nextBytes(garbage);
    Files.write(db(), garbage);

    assertReplacedThenWorking("file is not a database", CLOCK_SEQ);

    assertThat(Files.readAllBytes(aside())).isEqualTo(garbage);
  }

  @Test
  void garbageWithAReservedCeilingContinuesAboveTheCeilingNotFromTheClock() throws Exception {
    Files.write(db(), new byte[8192]);
    Files.writeString(dir.resolve("buffer.db.seq"), "12345\n");

    assertReplacedThenWorking("above the ceiling reserved in", 12345);
  }

  @Test
  void zeroLengthFileIsMovedAside() throws Exception {
    Files.createFile(db());

    assertReplacedThenWorking("zero-length file", CLOCK_SEQ);
  }

  @Test
  void aDatabaseOfSomethingElseIsMovedAsideNotOverwritten() throws Exception {
    try (Connection c = SqliteFiles.connect(db());
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE readings (x)");
    }

    assertReplacedThenWorking("not a store database", CLOCK_SEQ);
  }

  @Test
  void truncatedFileIsMovedAsideAndItsSequenceRecovered() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 2000; n++) {
        store.enqueue(message(TELEMETRY, n, 200));
      }
      awaitAccepted(store, 2000);
    }
    try (RandomAccessFile file = new RandomAccessFile(db().toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }

    // The meta table sits in the file's first pages, so next_seq survives the truncation.
    assertReplacedThenWorking("malformed", 2001);
  }

  @Test
  void corruptionFoundWhileRunningReplacesTheFileAndKeepsTheSequence() throws Exception {
    try (LogCapture log = new LogCapture();
        SqliteMessageStore store = SqliteMessageStore.open(settings(dir), CLOCK)) {
      for (int n = 0; n < 2000; n++) {
        store.enqueue(message(TELEMETRY, n, 200));
      }
      awaitAccepted(store, 2000);

      // Move everything into the main file, then overwrite all of it but the header page.
      try (Connection c = SqliteFiles.connect(db());
          Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      overwriteAfterFirstPage(db());

      store.enqueue(message(ALARM, 2000));
      await().until(() -> store.counters().corruptDatabasesMovedAside() == 1);
      awaitAccepted(store, 2001);

      assertThat(store.counters().lost()).isEqualTo(2000);
      List<StoredMessage> left = takeAll(store, 10);
      assertThat(left).extracting(StoredMessage::seq).containsExactly(2001L);
      assertThat(aside()).exists();
      assertThat(log.lines(Level.ERROR))
          .singleElement()
          .asString()
          .contains(db().toString(), aside().toString(), "2000 messages it held", "at 2001");
    }
  }

  private void assertReplacedThenWorking(String reason, long firstSeq) throws Exception {
    try (LogCapture log = new LogCapture();
        SqliteMessageStore store = SqliteMessageStore.open(settings(dir), CLOCK)) {
      assertThat(store.counters().corruptDatabasesMovedAside()).isEqualTo(1);
      assertThat(aside()).exists();
      assertThat(log.lines(Level.ERROR))
          .singleElement()
          .asString()
          .contains(db().toString(), aside().toString(), reason, "seq continues at " + firstSeq);

      store.enqueue(message(ALARM, 1));
      awaitAccepted(store, 1);
      assertThat(takeAll(store, 10)).extracting(StoredMessage::seq).containsExactly(firstSeq);
    }
    // The new file is a sound store database.
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir), CLOCK)) {
      assertThat(store.counters().corruptDatabasesMovedAside()).isZero();
      assertThat(store.counters().buffered()).isEqualTo(1);
    }
  }

  private Path db() {
    return dir.resolve("buffer.db");
  }

  private Path aside() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files
              .filter(p -> p.getFileName().toString().equals("buffer.db.corrupt-20261129T030405Z"))
              .toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }

  private static void overwriteAfterFirstPage(Path file) throws IOException, SQLException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] garbage = new byte[(int) raf.length() - 4096];
      new Random(2).nextBytes(garbage);
      raf.seek(4096);
      raf.write(garbage);
    }
  }
}
