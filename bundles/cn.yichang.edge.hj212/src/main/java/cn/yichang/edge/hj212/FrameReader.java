package cn.yichang.edge.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Takes packets out of the bytes a platform sends, whatever else they carry: a frame that fails
 * (its length, CRC, trailer, a byte that is not printable ASCII) is refused with why, and reading
 * goes on at the next {@code ##} after the refused one's start, so a good packet behind garbage is
 * still read. Bytes outside frames are dropped as they come, counted, and reported once a frame
 * starts again: the memory held is one frame's at most, whatever the stream.
 */
public final class FrameReader {

  /** What the reader finds. */
  public interface Listener {
    /** A frame whose length, CRC and trailer hold: its data segment. */
    void frame(String data);

    /** Bytes that were not a frame, and why. */
    void refused(String reason);
  }

  private static final int MAX_FRAME = 2 + 4 + Frames.MAX_DATA + 4 + 2;

  /** A stream without frames is reported at every 64 KiB of it, so its sender can be cut off. */
  static final long REPORT_SKIPPED = 64 * 1024;

  private final Listener listener;
  private final byte[] buffer = new byte[MAX_FRAME];
  private int length;
  private long skipped;

  public FrameReader(Listener listener) {
    this.listener = listener;
  }

  public void feed(byte[] bytes, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      accept(bytes[i]);
    }
  }

  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /** Bytes dropped outside frames since the last report. */
  public long skipped() {
    return skipped;
  }

  private void accept(byte b) {
    if (length < 2) {
      if (b == '#') {
        buffer[length++] = b;
      } else {
        // a lone '#' before another byte is garbage too
        skipped += length + 1;
        length = 0;
        if (skipped >= REPORT_SKIPPED) {
          reportSkipped();
        }
      }
      return;
    }
    buffer[length++] = b;
    if (length == 6) {
      int declared = declaredLength();
      if (declared < 0) {
        reject("no length after ## (\"" + text(2, 4) + "\")");
      } else if (declared > Frames.MAX_DATA) {
        reject("a data segment of " + declared + " bytes, over " + Frames.MAX_DATA);
      }
    } else if (length > 6 && length == 6 + declaredLength() + 6) {
      complete();
    }
  }

  private void complete() {
    int dataLength = length - 12;
    if (buffer[length - 2] != '\r' || buffer[length - 1] != '\n') {
      reject("no CRLF after the CRC (the length may be wrong)");
      return;
    }
    for (int i = 6; i < 6 + dataLength; i++) {
      if (buffer[i] < 0x20 || buffer[i] > 0x7E) {
        reject(
            String.format(
                "byte 0x%02x at %d of the data segment is not printable ASCII",
                buffer[i] & 0xFF, i - 6));
        return;
      }
    }
    String crcText = text(6 + dataLength, 4);
    int crc = Crc.of(buffer, 6, dataLength);
    if (!crcText.equalsIgnoreCase(Crc.hex(crc))) {
      reject("CRC " + crcText + ", the data gives " + Crc.hex(crc));
      return;
    }
    reportSkipped();
    String data = text(6, dataLength);
    length = 0;
    listener.frame(data);
  }

  /**
   * Refuses the frame begun at the buffer's start, and reads again from its second byte: a {@code
   * ##} inside it may start the next good one.
   */
  private void reject(String reason) {
    reportSkipped();
    listener.refused(reason + ": " + excerpt());
    byte[] rest = new byte[length - 1];
    System.arraycopy(buffer, 1, rest, 0, rest.length);
    length = 0;
    skipped = 0;
    for (byte r : rest) {
      accept(r);
    }
    // what was re-read and dropped belonged to the refused frame, already reported
    skipped = 0;
  }

  private void reportSkipped() {
    if (skipped > 0) {
      listener.refused(skipped + " bytes outside any frame");
      skipped = 0;
    }
  }

  private int declaredLength() {
    int n = 0;
    for (int i = 2; i < 6; i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        return -1;
      }
      n = n * 10 + buffer[i] - '0';
    }
    return n;
  }

  private String text(int from, int count) {
    return new String(buffer, from, count, StandardCharsets.ISO_8859_1);
  }

  private String excerpt() {
    String t = text(0, Math.min(length, 40)).replaceAll("[^\\x20-\\x7e]", "?");
    return "\"" + t + (length > 40 ? "..." : "") + "\"";
  }
}
