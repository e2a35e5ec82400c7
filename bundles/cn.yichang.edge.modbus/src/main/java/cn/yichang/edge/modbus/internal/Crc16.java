package cn.yichang.edge.modbus.internal;

/**
 * CRC-16/MODBUS (polynomial 0xA001 reflected, initial value 0xFFFF), sent low byte first.
 *
 * <p>Table-driven because the master computes it for every frame in both directions.
 */
public final class Crc16 {

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  public static int of(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
    }
    return crc;
  }

  /** Returns {@code body} followed by its CRC, low byte first. */
  public static byte[] append(byte[] body) {
    byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
    int crc = of(body, 0, body.length);
    frame[body.length] = (byte) crc;
    frame[body.length + 1] = (byte) (crc >>> 8);
    return frame;
  }

  /** Whether the last two bytes of {@code frame} are the CRC of the bytes before them. */
  public static boolean valid(byte[] frame) {
    if (frame.length < 3) {
      return false;
    }
    int n = frame.length - 2;
    int crc = of(frame, 0, n);
    return (frame[n] & 0xFF) == (crc & 0xFF) && (frame[n + 1] & 0xFF) == (crc >>> 8);
  }
}
