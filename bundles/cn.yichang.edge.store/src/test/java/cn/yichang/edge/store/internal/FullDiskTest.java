package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.LONG;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full file system: a 1 MB tmpfs mounted by the test (needs root, or CAP_SYS_ADMIN; the test
 * is skipped with a message otherwise).
 */
class FullDiskTest {
  @TempDir Path dir;
  private Path disk;
  private boolean mounted;

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    disk = Files.createDirectory(dir.resolve("disk"));
    int status = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
    assumeTrue(
        status == 0, "cannot mount a 1 MB tmpfs (needs root): full-disk behaviour not tested");
    mounted = true;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void whatCannotBeWrittenIsCountedAndWritingResumesWhenSpaceReturns() throws Exception {
    StoreSettings settings = Stores.settings(disk);
    long lost;
    try (LogCapture log = new LogCapture();
        SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      for (int n = 0; n < 10; n++) {
        store.enqueue(message(TELEMETRY, n, 1000));
      }
      awaitAccepted(store, 10);

      Path filler = fillUp(disk.resolve("filler"));
      for (int n = 10; n < 210; n++) {
        store.enqueue(message(TELEMETRY, n, 1000));
      }
      await().atMost(LONG).until(() -> settled(store.counters(), 210));
      StoreCounters full = store.counters();
      assertThat(full.lost()).isPositive();
      assertThat(log.lines(Level.WARN))
          .singleElement()
          .asString()
          .contains("messages lost since start", "because the disk is full");

      Files.delete(filler);
      for (int n = 210; n < 220; n++) {
        store.enqueue(message(TELEMETRY, n, 1000));
      }
      await().atMost(LONG).until(() -> store.counters().accepted() == full.accepted() + 10);

      // The loss, counted while nothing could be written, went into the file with that commit.
      assertThat(Stores.meta(settings.path(), "lost")).isEqualTo(full.lost());
      assertThat(store.history().lost()).isEqualTo(full.lost());

      // What was written is intact and numbered without gaps: lost messages used no numbers.
      List<StoredMessage> kept = takeAll(store, 300);
      assertThat(kept).hasSize((int) full.accepted() + 10);
      assertThat(SequenceTest.seqs(kept))
          .isEqualTo(LongStream.rangeClosed(1, full.accepted() + 10).toArray());
      assertThat(kept)
          .extracting(Stores::number)
          .endsWith(IntStream.range(210, 220).boxed().toArray(Integer[]::new));
      lost = full.lost();
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      assertThat(store.history().lost()).isEqualTo(lost);
      assertThat(store.history().uncleanStop()).isFalse();
    }
  }

  private static boolean settled(StoreCounters c, long enqueued) {
    return c.accepted() + c.lost() == enqueued;
  }

  /** Writes until the file system refuses. */
  private static Path fillUp(Path filler) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException expected) {
      // full
    }
    return filler;
  }

  private static int run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
