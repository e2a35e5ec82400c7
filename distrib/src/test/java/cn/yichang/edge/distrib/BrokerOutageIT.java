package cn.yichang.edge.distrib;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for many poll intervals and comes back: every reading set taken meanwhile
 * arrives, in order, with no gap in edge.seq.
 */
class BrokerOutageIT {
  private static final String DEVICE = "soil-01";

  @TempDir Path dir;

  @Test
  void everyReadingTakenDuringAnOutageArrivesInOrder() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir);
        GatewayProcess gateway =
            GatewayProcess.start("run", "--config", rig.siteFile("250ms", "").toString())) {
      rig.data.awaitCount(3, Duration.ofSeconds(60));

      rig.broker.stop();
      int before = readings(gateway).size();
      gateway.awaitLine(l -> readings(gateway).size() >= before + 16, Duration.ofSeconds(60));
      rig.broker.start();
      List<Instant> taken = readings(gateway).stream().map(ReadingLine::acquiredAt).toList();

      Delivery.awaitAll(rig.data, taken, Duration.ofSeconds(60)).assertNoGapAndInOrder();
    }
  }

  private static List<String> readings(GatewayProcess gateway) {
    return gateway.linesMatching(l -> ReadingLine.isReading(l, DEVICE));
  }
}
