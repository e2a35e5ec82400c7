package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gzip only when strictly shorter, detection by magic, and the cap on what we inflate. */
class KuraPayloadGzipTest {

  private static final KuraPayload SMALL =
      KuraPayload.of(Instant.ofEpochMilli(1), List.of(new KuraMetric("temperature", 21.5)));

  @Test
  void aSmallPayloadIsSentUncompressedBecauseGzipWouldBeLonger() {
    byte[] encoded = KuraPayloadCodec.encode(SMALL);

    assertThat(KuraPayloadCodec.encodeForWire(SMALL)).isEqualTo(encoded);
    assertThat(KuraPayloadCodec.compressIfShorter(encoded)).isSameAs(encoded);
  }

  @Test
  void aRepetitivePayloadIsSentCompressedAndDecodesBack() {
    KuraPayload large = withBody(new byte[4096]);

    byte[] wire = KuraPayloadCodec.encodeForWire(large);

    assertThat(wire).startsWith(0x1f, 0x8b);
    assertThat(wire.length).isLessThan(KuraPayloadCodec.encode(large).length);
    assertThat(KuraPayloadCodec.decode(wire)).isEqualTo(large);
  }

  @Test
  void theWireFormIsNeverLongerAndCompressedOnlyWhenStrictlyShorter() {
    for (int size = 0; size < 200; size++) {
      byte[] body = new byte[size];
      Arrays.fill(body, 0, size / 2, (byte) 'a');
      KuraPayload payload = withBody(body);
      byte[] encoded = KuraPayloadCodec.encode(payload);

      byte[] wire = KuraPayloadCodec.encodeForWire(payload);

      assertThat(wire.length).isLessThanOrEqualTo(encoded.length);
      assertThat(KuraPayloadCodec.isGzip(wire)).isEqualTo(wire.length < encoded.length);
      assertThat(KuraPayloadCodec.decode(wire)).isEqualTo(payload);
    }
  }

  @Test
  void aCorruptGzipStreamIsCarriedOnWithAsRawBytes() {
    byte[] wire = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};

    assertThat(KuraPayloadCodec.decode(wire))
        .isEqualTo(new KuraPayload(null, null, List.of(), wire));
    InvalidKuraPayloadException e =
        catchThrowableOfType(
            InvalidKuraPayloadException.class, () -> KuraPayloadCodec.decodeStrict(wire));
    assertThat(e.field()).isEqualTo("gzip");
  }

  @Test
  void aGzipBombStopsAtTheDefaultCap() throws InvalidKuraPayloadException {
    int limit = KuraPayloadCodec.DEFAULT_MAX_DECOMPRESSED_BYTES;
    byte[] bomb = KuraPayloadCodec.encodeForWire(withBody(new byte[limit + 1]));
    byte[] underCap = KuraPayloadCodec.encodeForWire(withBody(new byte[limit - 64]));

    assertThat(bomb.length).as("17 MB of zeros in a few kB").isLessThan(limit / 500);
    InvalidKuraPayloadException e =
        catchThrowableOfType(
            InvalidKuraPayloadException.class, () -> KuraPayloadCodec.decodeStrict(bomb));
    assertThat(e.field()).isEqualTo("gzip");
    assertThat(e.getMessage()).contains("more than " + limit + " bytes");
    assertThat(KuraPayloadCodec.decode(bomb).body()).isEqualTo(bomb);
    assertThat(KuraPayloadCodec.decodeStrict(underCap).body()).hasSize(limit - 64);
  }

  @Test
  void theCapCanBeLowered() {
    byte[] wire = KuraPayloadCodec.encodeForWire(withBody(new byte[10_000]));

    InvalidKuraPayloadException e =
        catchThrowableOfType(
            InvalidKuraPayloadException.class, () -> KuraPayloadCodec.decodeStrict(wire, 1024));
    assertThat(e.getMessage()).contains("more than 1024 bytes");
    assertThat(KuraPayloadCodec.decode(wire, 1024).metrics()).isEmpty();
    assertThat(KuraPayloadCodec.decode(wire, 20_000).body()).hasSize(10_000);
  }

  @Test
  void appendMetricRefusesACompressedPayload() {
    byte[] compressed = KuraPayloadCodec.encodeForWire(withBody(new byte[4096]));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> KuraPayloadCodec.appendMetric(compressed, new KuraMetric("edge.seq", 1L)))
        .withMessageContaining("uncompressed");
  }

  private static KuraPayload withBody(byte[] body) {
    return new KuraPayload(Instant.ofEpochMilli(1), null, List.of(new KuraMetric("n", 1)), body);
  }
}
