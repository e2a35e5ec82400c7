package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.AsciiLineSpec.LineChecksum;
import java.nio.charset.StandardCharsets;

/**
 * Splits the bytes of an {@code ascii-line} device into lines at the profile's terminator and hands
 * each one, checksum checked, to the {@link LineDecoder}. A line longer than {@code max-length} is
 * rejected once and the rest of it dropped up to the next terminator: the buffer never grows.
 */
final class LineParser implements MessageParser {

  private final AsciiLineSpec spec;
  private final byte[] terminator;
  private final byte[] buffer;
  private final LineDecoder decoder;
  private final Fields fields;
  private int length;

  /** Dropping an overlong line: how much of the terminator has been seen. */
  private int discardMatched = -1;

  LineParser(AsciiLineSpec spec) {
    this.spec = spec;
    this.terminator = spec.terminator().getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[spec.maxLength() + terminator.length];
    this.decoder = new LineDecoder(spec);
    this.fields = Fields.of(spec);
  }

  @Override
  public void feed(byte[] bytes, int offset, int count, Listener listener) {
    for (int i = offset; i < offset + count; i++) {
      accept(bytes[i], listener);
    }
  }

  private void accept(byte b, Listener listener) {
    if (discardMatched >= 0) {
      discardMatched =
          b == terminator[discardMatched] ? discardMatched + 1 : b == terminator[0] ? 1 : 0;
      if (discardMatched == terminator.length) {
        discardMatched = -1;
      }
      return;
    }
    buffer[length++] = b;
    if (endsWithTerminator()) {
      String line = new String(buffer, 0, length - terminator.length, StandardCharsets.ISO_8859_1);
      length = 0;
      line(line, listener);
    } else if (length == buffer.length) {
      // max-length characters and still no terminator: drop what is held and the rest of the line.
      int matched = 0;
      for (int k = Math.min(terminator.length - 1, length); k > 0; k--) {
        if (tailMatchesPrefix(k)) {
          matched = k;
          break;
        }
      }
      length = 0;
      discardMatched = matched;
      listener.rejected(
          "overlong line", "no terminator within " + spec.maxLength() + " characters");
    }
  }

  private boolean endsWithTerminator() {
    if (length < terminator.length) {
      return false;
    }
    for (int i = 0; i < terminator.length; i++) {
      if (buffer[length - terminator.length + i] != terminator[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the last {@code k} bytes held are the first {@code k} of the terminator. */
  private boolean tailMatchesPrefix(int k) {
    for (int i = 0; i < k; i++) {
      if (buffer[length - k + i] != terminator[i]) {
        return false;
      }
    }
    return true;
  }

  private void line(String line, Listener listener) {
    String body = line;
    if (spec.checksum() == LineChecksum.NMEA) {
      int start = Math.max(line.indexOf('$'), line.indexOf('!'));
      int star = line.lastIndexOf('*');
      if (start < 0 || star < start || line.length() - star != 3) {
        if (!line.isEmpty()) {
          listener.rejected("checksum missing", "no $...*hh in " + LineDecoder.shown(line));
        }
        return;
      }
      int expected;
      try {
        expected = Integer.parseInt(line.substring(star + 1), 16);
      } catch (NumberFormatException e) {
        listener.rejected("checksum error", "*" + line.substring(star + 1) + " is not hex");
        return;
      }
      int x = 0;
      for (int i = start + 1; i < star; i++) {
        x ^= line.charAt(i);
      }
      if (x != expected) {
        listener.rejected(
            "checksum error",
            String.format("%s: *%02X, computed %02X", LineDecoder.shown(line), expected, x));
        return;
      }
      body = line.substring(start, star);
    }
    decoder.decode(body, listener);
  }

  @Override
  public void reset() {
    length = 0;
    discardMatched = -1;
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
