package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryEncoderTest {

  private static final Instant TAKEN = Instant.parse("2026-11-29T08:15:30.250Z");

  private final FakeMessageStore store = new FakeMessageStore();
  private final TestConfig config = new TestConfig();

  @Test
  void everyValueTypeBecomesItsKuraTypeAndAFailedPointItsReason() throws Exception {
    new TelemetryEncoder(store, config)
        .accept(
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

    StoredMessage m = store.take(10, Duration.ZERO).get(0);
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
  void anAlarmIsQueuedAtAlarmPriorityAndOtherSetsAsTelemetry() throws Exception {
    TelemetryEncoder encoder = new TelemetryEncoder(store, config);
    encoder.accept(
        new ReadingSet("room-101-sos", TAKEN, List.of(PointReading.of("sos", true, null, false))));
    encoder.accept(
        new ReadingSet(
            "room-101-sos", TAKEN, List.of(PointReading.of("sos", true, null, false)), true));

    assertThat(store.take(10, Duration.ZERO))
        .extracting(StoredMessage::priority)
        .containsExactlyInAnyOrder(Priority.TELEMETRY, Priority.ALARM);
  }

  @Test
  void theTopicUsesTheConfiguredAccountGatewayAndApplication() {
    config.account = "city";
    config.clientId = "gw.north/7";
    config.appId = "water";
    TelemetryEncoder encoder = new TelemetryEncoder(store, config);
    assertThat(encoder.topic("meter+1")).isEqualTo("city/gw-north-7/water/meter-1");
  }

  @Test
  void aReadingSetThatCannotBeEncodedIsLoggedNotThrownIntoAcquisition() {
    new TelemetryEncoder(store, config).accept(new ReadingSet("", TAKEN, List.of()));
    assertThat(store.buffered()).isZero();
  }
}
