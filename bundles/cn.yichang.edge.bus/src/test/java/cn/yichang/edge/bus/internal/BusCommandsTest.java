package cn.yichang.edge.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.bus.TransactionCounters;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusCommandsTest {

  @Test
  void saysWhenThereAreNoBuses() {
    assertThat(new BusCommands(List.of()).buses()).isEqualTo("no buses");
  }

  @Test
  void describesCounters() {
    assertThat(
            BusCommands.describe(
                new TransactionCounters(10, 2, 1, 3, Instant.parse("2026-11-29T00:00:00Z"))))
        .isEqualTo("tx=10 timeouts=2 crc=1 exceptions=3 last-ok=2026-11-29T00:00:00Z");
  }
}
