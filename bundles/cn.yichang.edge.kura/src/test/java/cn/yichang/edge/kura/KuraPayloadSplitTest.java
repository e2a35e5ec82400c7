package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuraPayloadSplitTest {
  private static final Instant T = Instant.parse("2026-12-07T08:00:00.123Z");

  @Test
  void aPayloadThatFitsIsOnePartAsItIs() throws Exception {
    byte[] encoded = KuraPayloadCodec.encode(KuraPayload.of(T, points(3)));

    List<byte[]> parts = KuraPayloadCodec.split(encoded, encoded.length);

    assertThat(parts).containsExactly(encoded);
  }

  @Test
  void everyPartFitsKeepsTheTimestampAndTogetherTheyHoldEveryMetricInOrder() throws Exception {
    KuraPosition where = new KuraPosition(30.69, 111.28, null, null, null, null, null, null, null);
    KuraPayload whole = new KuraPayload(T, where, points(200), null);
    byte[] encoded = KuraPayloadCodec.encode(whole);
    int max = 500;

    List<byte[]> parts = KuraPayloadCodec.split(encoded, max);

    assertThat(parts.size()).isGreaterThan(encoded.length / max);
    List<KuraMetric> all = new ArrayList<>();
    for (byte[] part : parts) {
      assertThat(part.length).isLessThanOrEqualTo(max);
      KuraPayload p = KuraPayloadCodec.decodeStrict(part);
      assertThat(p.timestamp()).isEqualTo(T);
      assertThat(p.position()).isEqualTo(where);
      all.addAll(p.metrics());
    }
    assertThat(all).isEqualTo(whole.metrics());
  }

  @Test
  void aPointTravelsWithItsErrorAndOutOfRangeMetrics() throws Exception {
    List<KuraMetric> metrics = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      metrics.add(new KuraMetric("p" + i, (double) i));
      metrics.add(new KuraMetric("p" + i + "_out_of_range", true));
    }
    metrics.add(new KuraMetric("p0_error", "timeout"));
    byte[] encoded = KuraPayloadCodec.encode(KuraPayload.of(T, metrics));

    List<byte[]> parts = KuraPayloadCodec.split(encoded, 200);

    assertThat(parts).hasSizeGreaterThan(2);
    for (byte[] part : parts) {
      List<String> names =
          KuraPayloadCodec.decodeStrict(part).metrics().stream().map(KuraMetric::name).toList();
      for (String name : names) {
        String point = name.replace("_out_of_range", "").replace("_error", "");
        assertThat(names).contains(point);
      }
    }
    assertThat(KuraPayloadCodec.decodeStrict(parts.get(0)).metrics())
        .extracting(KuraMetric::name)
        .startsWith("p0", "p0_out_of_range", "p0_error");
  }

  @Test
  void aSinglePointLargerThanTheLimitCannotBeSplit() throws Exception {
    List<KuraMetric> metrics = new ArrayList<>(points(5));
    metrics.add(new KuraMetric("nmea", "x".repeat(600)));
    byte[] encoded = KuraPayloadCodec.encode(KuraPayload.of(T, metrics));

    assertThat(KuraPayloadCodec.split(encoded, 500)).isEmpty();
  }

  private static List<KuraMetric> points(int n) {
    List<KuraMetric> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new KuraMetric("temperature_" + i, 20.0 + i / 10.0));
    }
    return out;
  }
}
