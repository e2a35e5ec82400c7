package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.FramedSpec.ByteOrder;
import cn.yichang.edge.profile.FramedSpec.LengthField;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Finds the frames of a {@code framed} device in its byte stream: hunts for the header, reads the
 * length, waits for the whole frame, checks its trailer and checksum. Whatever fails, it
 * resynchronises on the next header after the start of the bad frame, so one garbled frame costs no
 * more than itself. Holds at most {@code max-length} bytes.
 */
final class FrameParser implements MessageParser {

  private final FramedSpec spec;
  private final byte[] header;
  private final byte[] buffer;
  private final int minimum;
  private final FrameDecoder decoder;
  private final Fields fields;
  private int length;

  FrameParser(FramedSpec spec) {
    this.spec = spec;
    this.header = spec.header();
    this.buffer = new byte[spec.maxLength()];
    LengthField lf = spec.length();
    // The reader refuses profiles where these differ; the parser never reads outside a frame.
    this.minimum =
        Math.max(
            header.length + spec.tailLength(),
            lf == null ? spec.fixedLength() : lf.at() + lf.size() + spec.tailLength());
    this.decoder = new FrameDecoder(spec);
    this.fields = Fields.of(spec);
  }

  @Override
  public void feed(byte[] bytes, int offset, int count, Listener listener) {
    int i = offset;
    int end = offset + count;
    while (i < end) {
      if (length == buffer.length) {
        dropTo(1); // cannot happen with a checked profile; never stop making progress
      }
      int n = Math.min(end - i, buffer.length - length);
      System.arraycopy(bytes, i, buffer, length, n);
      length += n;
      i += n;
      process(listener);
    }
  }

  /** Takes every complete frame from the buffer; leaves a partial one (never a full buffer). */
  private void process(Listener listener) {
    while (length > 0) {
      int h = Math.min(length, header.length);
      if (!Arrays.equals(buffer, 0, h, header, 0, h)) {
        dropTo(1); // garbage between frames: skipped silently
        continue;
      }
      if (length < header.length) {
        return;
      }
      int total = frameLength();
      if (total == -1) {
        return; // the length field has not arrived yet
      }
      if (total < minimum || total > buffer.length) {
        listener.rejected(
            "bad length", "frame length " + total + " outside " + minimum + ".." + buffer.length);
        dropTo(1);
        continue;
      }
      if (length < total) {
        return;
      }
      String problem = check(total);
      if (problem != null) {
        listener.rejected(problem, problem + " in " + hex(total));
        dropTo(1);
        continue;
      }
      byte[] frame = Arrays.copyOf(buffer, total);
      dropTo(total);
      decoder.decode(frame, listener);
    }
  }

  private int frameLength() {
    LengthField lf = spec.length();
    if (lf == null) {
      return spec.fixedLength();
    }
    if (length < lf.at() + lf.size()) {
      return -1;
    }
    int value;
    if (lf.size() == 1) {
      value = buffer[lf.at()] & 0xFF;
    } else {
      int a = buffer[lf.at()] & 0xFF;
      int b = buffer[lf.at() + 1] & 0xFF;
      value = lf.order() == ByteOrder.BIG ? (a << 8) | b : (b << 8) | a;
    }
    return spec.frameLength(value);
  }

  private String check(int total) {
    byte[] trailer = spec.trailer();
    if (!Arrays.equals(buffer, total - trailer.length, total, trailer, 0, trailer.length)) {
      return "bad trailer";
    }
    if (spec.checksum() != null) {
      int at = total - spec.tailLength();
      if (spec.checksumFrom() > at) {
        return "short frame";
      }
      byte[] expected = spec.checksum().compute(buffer, spec.checksumFrom(), at);
      if (!Arrays.equals(buffer, at, at + expected.length, expected, 0, expected.length)) {
        return "checksum error";
      }
    }
    return null;
  }

  /** Drops the first {@code n} bytes, then any that cannot start a frame. */
  private void dropTo(int n) {
    int next = n;
    while (next < length && buffer[next] != header[0]) {
      next++;
    }
    System.arraycopy(buffer, next, buffer, 0, length - next);
    length -= next;
  }

  private String hex(int n) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(buffer, 0, Math.min(n, 32))
        + (n > 32 ? " ..." : "");
  }

  @Override
  public void reset() {
    length = 0;
  }

  @Override
  public int buffered() {
    return length;
  }

  @Override
  public int capacity() {
    return buffer.length;
  }

  @Override
  public Fields fields() {
    return fields;
  }
}
