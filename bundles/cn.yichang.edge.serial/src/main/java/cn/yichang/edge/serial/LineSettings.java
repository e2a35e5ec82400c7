package cn.yichang.edge.serial;

import java.util.Objects;

/** How a serial line is set up, and the wire timing that follows from it. */
public record LineSettings(String port, int baud, Parity parity, int dataBits, int stopBits) {

  /** Above 19200 baud Modbus fixes the inter-frame silence at 1.75 ms. */
  private static final long FIXED_SILENCE_NANOS = 1_750_000L;

  public LineSettings {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(parity, "parity");
    if (baud <= 0) {
      throw new IllegalArgumentException("baud must be positive: " + baud);
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
    }
    if (stopBits < 1 || stopBits > 2) {
      throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
    }
  }

  /** Bits on the wire per character: start, data, parity if any, stop. */
  public int bitsPerChar() {
    return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
  }

  public long charNanos() {
    return bitsPerChar() * 1_000_000_000L / baud;
  }

  /** Time the given number of bytes takes to cross the wire. */
  public long wireNanos(int bytes) {
    return (long) bytes * bitsPerChar() * 1_000_000_000L / baud;
  }

  /** The silence that must separate two frames: 3.5 characters, or 1.75 ms above 19200 baud. */
  public long silenceNanos() {
    return baud > 19200 ? FIXED_SILENCE_NANOS : wireNanos(7) / 2;
  }
}
