package cn.yichang.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayLogCountersTest {
  @TempDir Path dir;

  @Test
  void countsReadingSetsAsTheLogGrowsIncludingALineWrittenInTwoParts() throws Exception {
    Path log = dir.resolve("gateway.log");
    GatewayLogCounters counters = new GatewayLogCounters(log);
    counters.refresh(); // no log yet

    Files.writeString(
        log,
        "02:00:00.000 INFO  readings - reading soil-01 at 2026-11-29T02:00:00Z: moisture=31.2 %\n"
            + "02:00:00.100 INFO  readings - reading ph-01 at 2026-11-29T02:00:00Z: ph=7.1 [pH]\n"
            + "02:00:00.200 WARN  store - evicted 10 telemetry messages\n"
            + "02:00:00.300 INFO  readings - reading soil-01 at");
    counters.refresh();
    Files.writeString(log, " 2026-11-29T02:00:01Z: moisture=31.0 %\n", StandardOpenOption.APPEND);
    counters.refresh();

    assertThat(counters.describe(2))
        .isEqualTo(
            "reading sets taken=3, at the platform=2, in the buffer or on the way=1,"
                + " buffer warnings=1 (see its log)");
  }
}
