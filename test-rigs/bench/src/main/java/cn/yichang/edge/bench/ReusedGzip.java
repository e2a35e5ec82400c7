package cn.yichang.edge.bench;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip with one {@link Deflater} kept and reset between messages, to price what the gateway's
 * {@code Gzip.compress} pays for making (and freeing) a new zlib stream per message. The bytes are
 * the same gzip format (10-byte header, raw deflate, CRC32 and length); not used by the gateway.
 */
final class ReusedGzip {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[4096];

  byte[] compress(byte[] bytes) {
    deflater.reset();
    deflater.setInput(bytes);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32);
    out.write(HEADER, 0, HEADER.length);
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    crc.reset();
    crc.update(bytes);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, bytes.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }
}
