package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoredMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a JVM that is writing: everything it was told is committed is there, without gaps. */
class KillNineTest {
  @TempDir Path dir;

  @Test
  void nothingReportedCommittedIsLostWhenTheProcessIsKilled() throws Exception {
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
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> reported.get() >= 5_000);
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(10, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    long lastReported = reported.get();

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
}
