package cn.yichang.edge.profile;

/**
 * Checksums of binary frames ({@code protocol: framed}). The checksum sits right after the frame's
 * data, before its trailer, and covers the bytes from the profile's {@code checksum.from} up to
 * itself.
 */
public enum FrameChecksum {
  /** The low byte of the sum of the bytes. */
  SUM8(1),
  /** The bytes XORed together. */
  XOR8(1),
  /** Modbus RTU's CRC: polynomial 0xA001 reflected, initial 0xFFFF, low byte first. */
  CRC16_MODBUS(2),
  /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, not reflected, high byte first. */
  CRC16_CCITT(2);

  private final int size;

  FrameChecksum(int size) {
    this.size = size;
  }

  /** Bytes the checksum takes in the frame. */
  public int size() {
    return size;
  }

  /** The checksum of {@code bytes[from..to)}, as the bytes the frame must carry. */
  public byte[] compute(byte[] bytes, int from, int to) {
    switch (this) {
      case SUM8 -> {
        int sum = 0;
        for (int i = from; i < to; i++) {
          sum += bytes[i] & 0xFF;
        }
        return new byte[] {(byte) sum};
      }
      case XOR8 -> {
        int x = 0;
        for (int i = from; i < to; i++) {
          x ^= bytes[i] & 0xFF;
        }
        return new byte[] {(byte) x};
      }
      case CRC16_MODBUS -> {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
          crc ^= bytes[i] & 0xFF;
          for (int b = 0; b < 8; b++) {
            crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
          }
        }
        return new byte[] {(byte) crc, (byte) (crc >>> 8)};
      }
      default -> {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
          crc ^= (bytes[i] & 0xFF) << 8;
          for (int b = 0; b < 8; b++) {
            crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
          }
          crc &= 0xFFFF;
        }
        return new byte[] {(byte) (crc >>> 8), (byte) crc};
      }
    }
  }
}
