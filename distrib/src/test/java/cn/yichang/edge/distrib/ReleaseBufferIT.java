package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway updated from release 0.1.0 keeps its backlog: the buffer file that release left
 * (bundles/cn.yichang.edge.store/src/test/resources/release-0.1.0) is opened by the distribution,
 * its 36 messages reach the platform in order with their numbers and acquisition times, and new
 * readings number on from where it stopped.
 */
class ReleaseBufferIT {
  private static final Path RELEASE =
      Path.of("../bundles/cn.yichang.edge.store/src/test/resources/release-0.1.0");
  private static final Instant ACQUIRED = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void theBufferOfTheLastReleaseIsDrainedAndNumberedOn() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Files.copy(RELEASE.resolve("buffer.db"), state.resolve("buffer.db"));
    Files.copy(RELEASE.resolve("buffer.db.seq"), state.resolve("buffer.db.seq"));
    try (PlatformRig rig = new PlatformRig(dir);
        GatewayProcess gateway =
            GatewayProcess.start("run", "--config", rig.siteFile("500ms", "").toString())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> rig.data.messages().stream().anyMatch(m -> seq(m) >= 44));
      List<KuraPayload> received = rig.data.messages().stream().map(PlatformRig::decode).toList();
      List<KuraPayload> old = received.stream().filter(p -> seq(p) <= 40).toList();
      assertThat(old)
          .extracting(ReleaseBufferIT::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(5, 40).boxed().toList());
      for (KuraPayload p : old) {
        assertThat(p.timestamp()).isEqualTo(ACQUIRED.plusSeconds(10 * (seq(p) - 1)));
        assertThat(p.metric("moisture")).contains(30 + (seq(p) - 1) / 10.0);
      }
      List<Long> fresh =
          received.stream().map(ReleaseBufferIT::seq).filter(s -> s > 40).distinct().toList();
      assertThat(fresh.get(0)).isEqualTo(42L);
      assertThat(fresh).isSorted().hasSize((int) (fresh.get(fresh.size() - 1) - 41));
    }
  }

  private static long seq(ReceivedMessage m) {
    return seq(PlatformRig.decode(m));
  }

  private static long seq(KuraPayload p) {
    return (Long) p.metric("edge.seq").orElseThrow();
  }
}
