package cn.yichang.edge.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LossLogTest {

  @Test
  void oneLinePerIntervalWithTheCountSinceTheLastLine() {
    StoreStats stats = new StoreStats();
    LossLog losses = new LossLog(stats, Duration.ofMillis(200));
    try (LogCapture log = new LogCapture()) {
      losses.lost(3, LossLog.Reason.DISK_FULL, "[SQLITE_FULL] database or disk is full");
      losses.lost(4, LossLog.Reason.DISK_FULL, null);
      losses.lost(5, LossLog.Reason.QUEUE_FULL, null);
      assertThat(log.lines(Level.WARN))
          .containsExactly(
              "Store: 3 messages lost since start (3 because the disk is full); last error:"
                  + " [SQLITE_FULL] database or disk is full");

      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> {
                losses.lost(1, LossLog.Reason.DISK_FULL, null);
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
      assertThat(stats.snapshot().lost()).isGreaterThanOrEqualTo(13);
    }
  }
}
