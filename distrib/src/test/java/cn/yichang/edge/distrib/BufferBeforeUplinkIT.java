package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installer runs a site before its platform exists ({@code store:}, no {@code uplink:}), then
 * adds {@code uplink:}: the readings of the first run arrive, oldest first, with no gap in {@code
 * edge.seq}, followed by the new ones.
 */
class BufferBeforeUplinkIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void theBacklogOfARunWithoutUplinkArrivesInOrderOnceTheUplinkIsAdded() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      Path site = rig.siteFile("200ms", "");
      String withUplink = Files.readString(site);
      String withoutUplink = withUplink.substring(0, withUplink.indexOf("uplink:"));
      Files.writeString(site, withoutUplink);
      Map<String, String> env = Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString());

      List<Instant> taken = new ArrayList<>();
      try (GatewayProcess before = GatewayProcess.start(env, "run", "--config", site.toString())) {
        await().atMost(WAIT).until(() -> readings(before).size() >= 10);
        assertThat(before.terminate()).isZero();
        taken.addAll(readings(before).stream().map(ReadingLine::acquiredAt).toList());
      }
      assertThat(rig.data.messages()).as("nothing sent without an uplink").isEmpty();
      int buffered = taken.size();

      Files.writeString(site, withUplink);
      try (GatewayProcess after = GatewayProcess.start(env, "run", "--config", site.toString())) {
        await().atMost(WAIT).until(() -> readings(after).size() >= 5);
        taken.addAll(readings(after).stream().map(ReadingLine::acquiredAt).toList());
        Delivery delivery = Delivery.awaitAll(rig.data, taken, WAIT);
        delivery.assertNoGapAndInOrder();
        System.out.printf(
            "BufferBeforeUplinkIT: %d reading sets buffered without an uplink, %d with it, %d"
                + " delivered%n",
            buffered, taken.size() - buffered, delivery.distinct());
      }
    }
  }

  private static List<String> readings(GatewayProcess gateway) {
    return gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01"));
  }
}
