package cn.yichang.edge.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import cn.yichang.edge.store.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossLogTest {

  @Test
  void oneLinePerIntervalWithTheCountSinceTheLastLine() {
    Queue queue = new Queue(Queue.FIRST, true, new FileFigures());
    LossLog losses = new LossLog(Duration.ofMillis(200));
    try (LogCapture log = new LogCapture()) {
      losses.lost(
          messages(queue, 3), LossLog.Reason.DISK_FULL, "[SQLITE_FULL] database or disk is full");
      losses.lost(messages(queue, 4), LossLog.Reason.DISK_FULL, null);
      losses.lost(messages(queue, 5), LossLog.Reason.QUEUE_FULL, null);
      assertThat(log.lines(Level.WARN))
          .containsExactly(
              "Store: 3 messages lost since start (3 because the disk is full); last error:"
                  + " [SQLITE_FULL] database or disk is full");

      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> {
                losses.lost(messages(queue, 1), LossLog.Reason.DISK_FULL, null);
                return log.lines(Level.WARN).size() == 2;
              });
      assertThat(log.lines(Level.WARN).get(1))
          .startsWith("Store: ")
          .contains(
              "messages lost since the last report (",
              "because the disk is full",
              "5 because the in-memory queue was full");

      losses.written(); // within the interval: nothing yet
      assertThat(log.lines(Level.INFO)).isEmpty();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> {
                losses.written();
                return !log.lines(Level.INFO).isEmpty();
              });
      assertThat(log.lines(Level.INFO))
          .singleElement()
          .asString()
          .startsWith("Store: writing again");
      assertThat(queue.stats.snapshot().lost()).isGreaterThanOrEqualTo(13);
    }
  }

  private static List<Queued> messages(Queue queue, int n) {
    List<Queued> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Queued(queue, Stores.message(Priority.TELEMETRY, i)));
    }
    return out;
  }
}
