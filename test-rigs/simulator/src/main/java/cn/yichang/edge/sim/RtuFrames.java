package cn.yichang.edge.sim;

import java.util.Arrays;

/** Byte-level helpers for RTU frames: unit, PDU, CRC low byte first. */
public final class RtuFrames {

  /** Not enough bytes yet to know how long the request is. */
  public static final int NEED_MORE = -1;

  /** A function code whose request length the slave does not know: the frame ends at a gap. */
  public static final int ENDS_AT_GAP = -2;

  private RtuFrames() {}

  /** Appends the CRC to unit + PDU. */
  public static byte[] withCrc(byte[] unitAndPdu) {
    byte[] frame = Arrays.copyOf(unitAndPdu, unitAndPdu.length + 2);
    int crc = Crc16.of(unitAndPdu, 0, unitAndPdu.length);
    frame[unitAndPdu.length] = (byte) crc;
    frame[unitAndPdu.length + 1] = (byte) (crc >>> 8);
    return frame;
  }

  /** Builds a frame from unit, function code and data bytes (given as ints for readable tests). */
  public static byte[] frame(int unit, int function, int... data) {
    byte[] body = new byte[2 + data.length];
    body[0] = (byte) unit;
    body[1] = (byte) function;
    for (int i = 0; i < data.length; i++) {
      body[2 + i] = (byte) data[i];
    }
    return withCrc(body);
  }

  public static boolean crcValid(byte[] frame, int length) {
    if (length < 4) {
      return false;
    }
    int crc = Crc16.of(frame, 0, length - 2);
    return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == (crc >>> 8);
  }

  /**
   * Length of the request that starts at {@code buffer[0]}, from its function code: 8 bytes for FC
   * 1-6, 9 + byte count for FC 15/16. Returns {@link #NEED_MORE} or {@link #ENDS_AT_GAP}.
   */
  public static int requestLength(byte[] buffer, int available) {
    if (available < 2) {
      return NEED_MORE;
    }
    int function = buffer[1] & 0xFF;
    if (function >= 1 && function <= 6) {
      return 8;
    }
    if (function == 15 || function == 16) {
      return available < 7 ? NEED_MORE : 9 + (buffer[6] & 0xFF);
    }
    return ENDS_AT_GAP;
  }

  public static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(String.format("%02x", b & 0xFF));
    }
    return text.toString();
  }

  public static byte[] unhex(String hex) {
    String digits = hex.replaceAll("\\s+", "");
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
