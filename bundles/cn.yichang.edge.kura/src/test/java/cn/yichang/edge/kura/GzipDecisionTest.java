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
 * The reused-deflater gzip decides as the JDK's GZIPOutputStream would (Kura's sender), also at the
 * boundary where gzip is one byte shorter, and its output decompresses to the input.
 */
class GzipDecisionTest {

  @Test
  void decidesAsGzipOutputStreamAndRoundTrips() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 3000; i++) {
      byte[] payload = payload(random, random.nextInt(400), random.nextInt(16) + 1);
      byte[] reference = jdkGzip(payload);

      byte[] wire = KuraPayloadCodec.compressIfShorter(payload);

      if (reference.length < payload.length) {
        assertThat(wire).hasSize(reference.length);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(wire)).readAllBytes())
            .isEqualTo(payload);
      } else {
        assertThat(wire).isSameAs(payload);
      }
    }
  }

  /** Bytes drawn from an alphabet of {@code symbols}: from very to barely compressible. */
  private static byte[] payload(Random random, int length, int symbols) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (symbols >= 16 ? random.nextInt(256) : 'a' + random.nextInt(symbols));
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
