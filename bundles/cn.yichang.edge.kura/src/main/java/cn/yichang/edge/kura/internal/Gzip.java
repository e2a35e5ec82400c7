package cn.yichang.edge.kura.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

  public static byte[] compress(byte[] bytes) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 2 + 32);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bytes);
    } catch (IOException e) {
      // A ByteArrayOutputStream does not fail; this only satisfies the signature.
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
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
