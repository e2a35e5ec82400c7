package cn.yichang.edge.distrib;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while the gateway is buffering (the broker is down), then restart it: nothing the buffer
 * had accepted is lost, and edge.seq goes on without a gap.
 */
class PowerCutIT {
  private static final String DEVICE = "soil-01";

  /**
   * Readings older than this at the kill had certainly been committed (group commit: 100 ms; the
   * rest is room for an fsync on a busy CI disk).
   */
  private static final Duration COMMITTED = Duration.ofSeconds(3);

  @TempDir Path dir;

  @Test
  void nothingAcceptedIsLostAcrossKillNine() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      rig.broker.stop();
      Path site = rig.siteFile("250ms", "");
      List<Instant> takenBeforeKill;
      Instant killedAt;
      try (GatewayProcess first = GatewayProcess.start("run", "--config", site.toString())) {
        first.awaitLine(
            l -> first.linesMatching(x -> ReadingLine.isReading(x, DEVICE)).size() >= 20,
            Duration.ofSeconds(60));
        killedAt = Instant.now();
        first.kill();
        takenBeforeKill =
            first.linesMatching(l -> ReadingLine.isReading(l, DEVICE)).stream()
                .map(ReadingLine::acquiredAt)
                .filter(t -> t.isBefore(killedAt.minus(COMMITTED)))
                .toList();
      }

      try (GatewayProcess second = GatewayProcess.start("run", "--config", site.toString())) {
        rig.broker.start();
        rig.data.awaitCount(takenBeforeKill.size() + 4, Duration.ofSeconds(60));
        Delivery.awaitAll(rig.data, takenBeforeKill, Duration.ofSeconds(60))
            .assertNoGapAndInOrder();
      }
    }
  }
}
