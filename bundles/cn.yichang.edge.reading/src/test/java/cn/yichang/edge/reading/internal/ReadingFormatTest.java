package cn.yichang.edge.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingFormatTest {

  @Test
  void writesValuesUnitsRangeAndFailures() {
    ReadingSet set =
        new ReadingSet(
            "ph-01",
            Instant.parse("2026-11-29T02:00:00Z"),
            List.of(
                PointReading.of("ph", 7.25, "[pH]", false),
                PointReading.of("orp", -12L, "mV", false),
                PointReading.of("alarm", true, null, false),
                PointReading.of("serial", "AB \"1\"", null, false),
                PointReading.of("temperature", 99.5, "Cel", true),
                PointReading.failed("status", null, "exception 2 (illegal data address)")));

    assertThat(ReadingFormat.line(set))
        .isEqualTo(
            "reading ph-01 at 2026-11-29T02:00:00Z: ph=7.25 [pH], orp=-12 mV, alarm=true,"
                + " serial=\"AB \\\"1\\\"\", temperature=99.5 Cel (out of range),"
                + " status: exception 2 (illegal data address)");
  }

  @Test
  void marksAnAlarm() {
    ReadingSet set =
        new ReadingSet(
            "sos-1",
            Instant.parse("2026-11-29T02:00:00Z"),
            List.of(PointReading.of("sos", true, null, false)),
            true);
    assertThat(ReadingFormat.line(set))
        .isEqualTo("alarm reading sos-1 at 2026-11-29T02:00:00Z: sos=true");
  }
}
