package cn.yichang.edge.kura.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/** gzip as Kura uses it: whole payloads, detected by their magic number. */
public final class Gzip {

  private Gzip() {}

  /** A gzip stream whose output would pass the allowed size. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int maxBytes) {
      super("decompresses to more than " + maxBytes + " bytes");
    }
  }

  public static boolean hasMagic(byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
  }

  private static final int HEADER_AND_TRAILER = 18;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /**
   * One deflater per publishing thread, reset between messages: a new GZIPOutputStream per message
   * (a native zlib state allocated and freed) cost 15 us of a 17 us encoding in the drain
   * benchmark.
   */
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

  /**
   * The gzip form of {@code bytes} if it is strictly shorter, else {@code null}. Deflating stops as
   * soon as the output could no longer be shorter, so small readings cost little.
   */
  public static byte[] compressIfShorter(byte[] bytes) {
    int budget = bytes.length - HEADER_AND_TRAILER - 1;
    if (budget <= 0) {
      return null;
    }
    if (bytes.length <= SMALL_PAYLOAD) {
      return compressSmall(bytes, budget);
    }
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    deflater.setInput(bytes);
    deflater.finish();
    // One byte of room past the budget: zlib reports the end of the stream only on a call that
    // has output space left, even when the last byte already fitted.
    int limit = HEADER.length + budget + 1;
    byte[] out = new byte[limit + 8];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int length = HEADER.length;
    while (!deflater.finished() && length < limit) {
      length += deflater.deflate(out, length, limit - length);
    }
    if (!deflater.finished() || length > HEADER.length + budget) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    writeIntLittleEndian(out, length, (int) crc.getValue());
    writeIntLittleEndian(out, length + 4, bytes.length);
    return Arrays.copyOf(out, length + 8);
  }

  /**
   * Payloads up to this size (a reading of a few dozen points) are deflated with the fixed codes:
   * zlib's fixed cost per message is most of the drain's time at that size. Above it, zlib's
   * dynamic codes pay off.
   */
  static final int SMALL_PAYLOAD = 512;

  private static final ThreadLocal<FixedDeflate> SMALL_DEFLATERS =
      ThreadLocal.withInitial(FixedDeflate::new);

  private static byte[] compressSmall(byte[] bytes, int budget) {
    int limit = HEADER.length + budget + 1;
    byte[] out = new byte[limit + 8];
    int length = SMALL_DEFLATERS.get().deflate(bytes, out, HEADER.length, limit);
    if (length < 0) {
      return null;
    }
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    writeIntLittleEndian(out, length, (int) crc.getValue());
    writeIntLittleEndian(out, length + 4, bytes.length);
    return Arrays.copyOf(out, length + 8);
  }

  private static void writeIntLittleEndian(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
  }

  /**
   * Decompresses, stopping as soon as the output passes {@code maxBytes}: a few kilobytes of zeros
   * compressed can claim gigabytes, and a gateway has tens of megabytes of heap.
   */
  public static byte[] decompress(byte[] bytes, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, bytes.length * 4));
    byte[] chunk = new byte[8192];
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      for (int n = gzip.read(chunk); n >= 0; n = gzip.read(chunk)) {
        if (out.size() + n > maxBytes) {
          throw new TooLargeException(maxBytes);
        }
        out.write(chunk, 0, n);
      }
    } catch (RuntimeException e) {
      // The JDK's inflater is not documented to throw unchecked exceptions on bad input;
      // treat one as the corrupt stream it would mean.
      throw new IOException("corrupt gzip stream: " + e, e);
    }
    return out.toByteArray();
  }
}
