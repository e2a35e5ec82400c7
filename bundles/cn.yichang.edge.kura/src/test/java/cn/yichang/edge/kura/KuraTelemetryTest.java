package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuraTelemetryTest {

  private static final Instant TAKEN = Instant.parse("2026-11-29T08:15:30.250Z");

  private final KuraTelemetry telemetry = new KuraTelemetry("yichang", "gw-0001", "sensors");

  @Test
  void everyValueTypeBecomesItsKuraTypeAndAFailedPointItsReason() throws Exception {
    OutboundMessage m =
        message(
            new ReadingSet(
                "soil-01",
                TAKEN,
                List.of(
                    PointReading.of("temperature", 21.5, "°C", false),
                    PointReading.of("counter", 123456789012L, null, false),
                    PointReading.of("door", Boolean.TRUE, null, false),
                    PointReading.of("firmware", "v1.2", null, false),
                    PointReading.failed("humidity", "%", "timeout"),
                    PointReading.of("ph", 15.2, null, true))));

    assertThat(m.topic()).isEqualTo("yichang/gw-0001/sensors/soil-01");
    assertThat(m.priority()).isEqualTo(Priority.TELEMETRY);
    assertThat(m.created()).isEqualTo(TAKEN);
    assertThat(KuraPayloadCodec.isGzip(m.payload())).isFalse();
    KuraPayload payload = KuraPayloadCodec.decode(m.payload());
    assertThat(payload.timestamp()).isEqualTo(TAKEN);
    assertThat(payload.metrics())
        .containsExactly(
            new KuraMetric("temperature", 21.5),
            new KuraMetric("counter", 123456789012L),
            new KuraMetric("door", true),
            new KuraMetric("firmware", "v1.2"),
            new KuraMetric("humidity_error", "timeout"),
            new KuraMetric("ph", 15.2),
            new KuraMetric("ph_out_of_range", true));
    assertThat(payload.metric("edge.seq")).isEmpty();
  }

  @Test
  void anAlarmIsQueuedAtAlarmPriorityAndOtherSetsAsTelemetry() {
    List<PointReading> sos = List.of(PointReading.of("sos", true, null, false));
    assertThat(message(new ReadingSet("room-101-sos", TAKEN, sos)).priority())
        .isEqualTo(Priority.TELEMETRY);
    assertThat(message(new ReadingSet("room-101-sos", TAKEN, sos, true)).priority())
        .isEqualTo(Priority.ALARM);
  }

  @Test
  void theTopicUsesTheConfiguredAccountGatewayAndApplication() {
    assertThat(new KuraTelemetry("city", "gw.north/7", "water").topic("meter+1"))
        .isEqualTo("city/gw-north-7/water/meter-1");
  }

  @Test
  void aLostDeviceSaysSoWithTheTimeOfItsLastGoodReading() {
    ReadingSet failed =
        new ReadingSet("soil-01", TAKEN, List.of(PointReading.failed("moisture", "%", "timeout")));
    Instant lastGood = TAKEN.minusSeconds(30);
    KuraPayload lost =
        KuraPayloadCodec.decode(telemetry.message(new Report(failed, lastGood, true)).payload());
    assertThat(lost.metrics())
        .containsExactly(
            new KuraMetric("moisture_error", "timeout"),
            new KuraMetric("edge.device_lost", true),
            new KuraMetric("edge.last_good", lastGood.toEpochMilli()));
    KuraPayload neverHeard =
        KuraPayloadCodec.decode(telemetry.message(new Report(failed, null, true)).payload());
    assertThat(neverHeard.metric("edge.device_lost")).contains(true);
    assertThat(neverHeard.metric("edge.last_good")).isEmpty();
  }

  private OutboundMessage message(ReadingSet set) {
    return telemetry.message(Report.of(set));
  }
}
