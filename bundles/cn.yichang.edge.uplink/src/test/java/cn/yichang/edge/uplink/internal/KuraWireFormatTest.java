package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuraWireFormatTest {

  private static final Instant T = Instant.parse("2026-11-29T08:00:00Z");

  @Test
  void appendsTheSequenceNumberAsTheLastInt64Metric() {
    KuraPayload stored = KuraPayload.of(T, List.of(new KuraMetric("temperature", 21.5)));
    byte[] wire = new KuraWireFormat().encode(message(stored, 4711));
    KuraPayload sent = KuraPayloadCodec.decode(wire);
    assertThat(sent.timestamp()).isEqualTo(T);
    assertThat(sent.metrics())
        .containsExactly(new KuraMetric("temperature", 21.5), new KuraMetric("edge.seq", 4711L));
  }

  @Test
  void compressesOnlyWhenThatIsShorter() {
    KuraPayload small = KuraPayload.of(T, List.of(new KuraMetric("t", 1.0)));
    assertThat(KuraPayloadCodec.isGzip(new KuraWireFormat().encode(message(small, 1)))).isFalse();

    List<KuraMetric> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(new KuraMetric("temperature_sensor_" + i, 20.0));
    }
    byte[] wire = new KuraWireFormat().encode(message(KuraPayload.of(T, many), 2));
    assertThat(KuraPayloadCodec.isGzip(wire)).isTrue();
    assertThat(KuraPayloadCodec.decode(wire).metric("edge.seq")).contains(2L);
  }

  private static StoredMessage message(KuraPayload payload, long seq) {
    return new StoredMessage(
        seq, seq, "a/b/c/d", Priority.TELEMETRY, KuraPayloadCodec.encode(payload), T);
  }
}
