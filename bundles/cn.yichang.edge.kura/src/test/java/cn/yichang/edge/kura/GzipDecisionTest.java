package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Payloads above 512 bytes are compressed by the reused zlib deflater, which decides as the JDK's
 * GZIPOutputStream would (Kura's sender), also at the boundary where gzip is one byte shorter;
 * smaller ones by the fixed-code encoder, whose output is valid gzip, sent only when strictly
 * shorter, and found for the repetitive payloads where it matters. Everything decompresses to the
 * input.
 */
class GzipDecisionTest {

  @Test
  void largePayloadsDecideAsGzipOutputStreamAndRoundTrip() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 1500; i++) {
      byte[] payload = payload(random, 513 + random.nextInt(1500), random.nextInt(16) + 1);
      byte[] reference = jdkGzip(payload);

      byte[] wire = KuraPayloadCodec.compressIfShorter(payload);

      if (reference.length < payload.length) {
        assertThat(wire).hasSize(reference.length);
        assertThat(gunzip(wire)).isEqualTo(payload);
      } else {
        assertThat(wire).isSameAs(payload);
      }
    }
  }

  @Test
  void smallPayloadsAreGzipOnlyWhenShorterAndRoundTrip() throws IOException {
    Random random = new Random(11);
    int compressed = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] payload = payload(random, random.nextInt(513), random.nextInt(300) + 1);

      byte[] wire = KuraPayloadCodec.compressIfShorter(payload);

      if (wire != payload) {
        compressed++;
        assertThat(wire.length).isLessThan(payload.length);
        assertThat(gunzip(wire)).isEqualTo(payload);
      }
    }
    assertThat(compressed).isGreaterThan(300);
  }

  @Test
  void repetitivePayloadsOfEverySmallSizeAreCompressed() throws IOException {
    for (int length = 40; length <= 512; length++) {
      byte[] payload = new byte[length];
      for (int i = 0; i < length; i++) {
        payload[i] = (byte) "moisture=12.5;".charAt(i % 14);
      }

      byte[] wire = KuraPayloadCodec.compressIfShorter(payload);

      assertThat(wire).as("length %d", length).isNotSameAs(payload);
      assertThat(gunzip(wire)).isEqualTo(payload);
    }
  }

  @Test
  void longRunsUseTheLongestMatchesAndFarDistances() throws IOException {
    byte[] payload = new byte[512];
    new Random(3).nextBytes(payload);
    System.arraycopy(payload, 0, payload, 300, 200); // a 200-byte match 300 back
    java.util.Arrays.fill(payload, 0, 40, (byte) 7); // a run: a match at distance 1

    byte[] wire = KuraPayloadCodec.compressIfShorter(payload);

    assertThat(wire.length).isLessThan(payload.length - 150);
    assertThat(gunzip(wire)).isEqualTo(payload);
  }

  private static byte[] gunzip(byte[] wire) throws IOException {
    return new GZIPInputStream(new ByteArrayInputStream(wire)).readAllBytes();
  }

  /** Bytes drawn from an alphabet of {@code symbols}: from very to barely compressible. */
  private static byte[] payload(Random random, int length, int symbols) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (symbols >= 256 ? random.nextInt(256) : 'a' + random.nextInt(symbols));
    }
    return bytes;
  }

  private static byte[] jdkGzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
