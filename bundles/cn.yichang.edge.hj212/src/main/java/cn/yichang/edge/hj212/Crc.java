package cn.yichang.edge.hj212;

/**
 * HJ 212's CRC-16 of a data segment (not CRC-16/MODBUS, although it shares the polynomial: each
 * byte is folded into the low byte of the register shifted right by 8 before the 8 rounds).
 */
public final class Crc {
  private Crc() {}

  public static int of(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc = (crc >> 8) ^ (data[i] & 0xFF);
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
      }
    }
    return crc;
  }

  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** As a packet carries it: 4 upper-case hex digits, as the standard's appendix A writes it. */
  public static String hex(int crc) {
    return String.format("%04X", crc & 0xFFFF);
  }
}
