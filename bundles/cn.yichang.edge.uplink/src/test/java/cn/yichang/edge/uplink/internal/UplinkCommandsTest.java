package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.uplink.UplinkStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UplinkCommandsTest {

  @Test
  void showsConnectionCountersAndLastError() {
    UplinkStatus status =
        new UplinkStatus(
            "ssl://platform.example:8883",
            "mqtt5",
            Instant.parse("2026-11-29T08:00:00Z"),
            120,
            117,
            3,
            2,
            3,
            "broker refused seq 9 on a/b/c/d: not authorized (0x87)",
            Instant.parse("2026-11-29T08:01:00Z"),
            42,
            5,
            4,
            1);
    assertThat(new UplinkCommands(() -> status).uplink())
        .contains("uplink ssl://platform.example:8883 (mqtt5)")
        .contains("connected since 2026-11-29T08:00:00Z")
        .contains("published=120 acknowledged=117 failed=3 in-flight=3 reconnects=2")
        .contains("buffered=42 evicted=5 split=4 set-aside=1")
        .contains("last error: broker refused seq 9 on a/b/c/d: not authorized (0x87)")
        .contains("at 2026-11-29T08:01:00Z");
  }

  @Test
  void saysWhenThereIsNoUplink() {
    assertThat(new UplinkCommands(null).uplink()).startsWith("no uplink");
  }
}
