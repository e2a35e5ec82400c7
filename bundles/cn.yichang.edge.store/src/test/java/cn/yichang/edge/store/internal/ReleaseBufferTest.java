package cn.yichang.edge.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffer file that release 0.1.0 left behind opens, drains in order and numbers on. */
class ReleaseBufferTest {
  private static final Path RELEASE = Path.of("src/test/resources/release-0.1.0");
  private static final Instant ACQUIRED = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void itsMessagesAreTakenInOrderWithTheirNumbersAndNewOnesNumberOn() throws Exception {
    Files.copy(RELEASE.resolve("buffer.db"), dir.resolve("buffer.db"));
    Files.copy(RELEASE.resolve("buffer.db.seq"), dir.resolve("buffer.db.seq"));
    try (SqliteMessageStore store = SqliteMessageStore.open(Stores.settings(dir))) {
      assertThat(store.counters().buffered()).isEqualTo(36);
      assertThat(store.history().uncleanStop()).isFalse();
      List<StoredMessage> old = store.take(100, Duration.ZERO);
      assertThat(old)
          .extracting(StoredMessage::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(5, 40).boxed().toList());
      assertThat(old)
          .allSatisfy(
              m -> {
                assertThat(m.topic()).isEqualTo("yichang/yc-it-0100/sensors/soil-01");
                assertThat(m.priority()).isEqualTo(Priority.TELEMETRY);
                assertThat(m.created()).isEqualTo(ACQUIRED.plusSeconds(10 * (m.seq() - 1)));
              });
      old.forEach(m -> store.acknowledge(m.id()));

      store.enqueue(Stores.message(Priority.TELEMETRY, 1));
      Stores.awaitAccepted(store, 1);
      assertThat(store.take(10, Stores.LONG)).extracting(StoredMessage::seq).containsExactly(42L);
    }
  }
}
