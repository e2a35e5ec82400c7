package cn.yichang.edge.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestReadingsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T02:00:10Z");

  @Test
  void showsOnlyTheLatestSetOfEachDevice() {
    LatestReadings latest = new LatestReadings(Clock.fixed(NOW, ZoneOffset.UTC));
    latest.accept(set("soil-01", "2026-11-29T02:00:00Z", 20.0));
    latest.accept(set("soil-01", "2026-11-29T02:00:05Z", 21.5));

    String table = latest.readings();

    assertThat(table).contains("soil-01").contains("21.5").contains("%").contains("5s");
    assertThat(table).doesNotContain("20.0");
  }

  @Test
  void saysSoBeforeTheFirstReading() {
    assertThat(new LatestReadings().readings()).isEqualTo("no readings yet");
  }

  static ReadingSet set(String device, String at, double moisture) {
    return new ReadingSet(
        device, Instant.parse(at), List.of(PointReading.of("moisture", moisture, "%", false)));
  }
}
