package cn.yichang.edge.sim;

/**
 * Modbus CRC-16 (polynomial 0xA001 reflected, initial 0xFFFF). The simulator's own implementation,
 * deliberately not shared with the gateway, so that a bug on one side cannot hide on the other.
 */
public final class Crc16 {

  private Crc16() {}

  /** CRC of {@code length} bytes of {@code data} from {@code offset}. */
  public static int of(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= data[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }
}
