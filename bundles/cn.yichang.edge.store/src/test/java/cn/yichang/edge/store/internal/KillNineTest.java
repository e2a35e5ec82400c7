package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a JVM that is writing: everything it was told is committed is there, without gaps. */
class KillNineTest {
  @TempDir Path dir;

  /** What the killed child had told: how many it saw committed, when it started, when it died. */
  private record Killed(long reported, Instant started, Instant killed) {}

  @Test
  void nothingReportedCommittedIsLostWhenTheProcessIsKilled() throws Exception {
    long lastReported = killWhileWriting().reported();

    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      StoreCounters c = store.counters();
      System.out.printf(
          "kill -9: the child reported %d committed; the file holds %d%n",
          lastReported, c.buffered());
      assertThat(c.corruptDatabasesMovedAside()).isZero();
      assertThat(c.buffered()).isGreaterThanOrEqualTo(lastReported);
      List<StoredMessage> all = takeAll(store, (int) c.buffered());
      assertThat(SequenceTest.seqs(all))
          .isEqualTo(LongStream.rangeClosed(1, c.buffered()).toArray());
      assertThat(all).allSatisfy(m -> assertThat(m.payload()).hasSize(200));
    }
  }

  @Test
  void theNextOpenReportsTheUncleanStopWithTheLastCommitBeforeIt() throws Exception {
    Killed child = killWhileWriting();

    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      StoreHistory h = store.history();
      assertThat(h.uncleanStop()).isTrue();
      assertThat(h.uncleanCause()).contains("did not stop cleanly");
      Instant newestKept =
          takeAll(store, (int) store.counters().buffered()).stream()
              .map(m -> m.created().truncatedTo(ChronoUnit.MILLIS)) // the commit time's precision
              .max(Comparator.naturalOrder())
              .orElseThrow();
      assertThat(h.lastCommit()).isBetween(newestKept, child.killed());
      assertThat(h.lastCommit()).isAfter(child.started());
    }
    // Every BIRTH of this run must say so: a store reopened within the process (a configuration
    // change) still reports it, although the file was just closed cleanly.
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(store.history().uncleanStop()).isTrue();
    }
  }

  /** Starts {@link KillNineChild} on a new file and SIGKILLs it once 5,000 are committed. */
  private Killed killWhileWriting() throws Exception {
    Instant started = Instant.now();
    Path db = settings(dir).path();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                KillNineChild.class.getName(),
                db.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    AtomicLong reported = new AtomicLong();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  if (line.startsWith("committed ")) {
                    reported.set(Long.parseLong(line.substring("committed ".length())));
                  }
                }
              } catch (Exception e) {
                // the child is gone
              }
            });
    reader.start();
    Instant killedAt;
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> reported.get() >= 5_000);
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(10, TimeUnit.SECONDS);
      killedAt = Instant.now(); // once it is dead: no commit after this
      reader.join(10_000);
    }
    return new Killed(reported.get(), started, killedAt);
  }
}
