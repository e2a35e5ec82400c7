package cn.yichang.edge.modbus;

import cn.yichang.edge.profile.Table;
import java.util.Objects;

/**
 * A read of {@code count} consecutive registers (or bits, for coil and discrete) of one table,
 * starting at the 0-based wire {@code address}. The unit is the device's, not the request's.
 */
public record ReadRequest(Table table, int address, int count) {

  /** The most registers one read may ask for (FC 3, 4): the reply must fit 256 bytes. */
  public static final int MAX_REGISTERS = 125;

  /** The most bits one read may ask for (FC 1, 2). */
  public static final int MAX_BITS = 2000;

  public ReadRequest {
    Objects.requireNonNull(table, "table");
    int max = maxCount(table);
    if (count < 1 || count > max) {
      throw new IllegalArgumentException("count must be 1.." + max + ": " + count);
    }
    if (address < 0 || address + count > 0x10000) {
      throw new IllegalArgumentException(
          "addresses " + address + ".." + (address + count - 1) + " are outside 0..65535");
    }
  }

  public static int maxCount(Table table) {
    return table.bits() ? MAX_BITS : MAX_REGISTERS;
  }

  /** 1 read coils, 2 read discrete inputs, 3 read holding registers, 4 read input registers. */
  public int functionCode() {
    return switch (table) {
      case COIL -> 1;
      case DISCRETE -> 2;
      case HOLDING -> 3;
      case INPUT -> 4;
    };
  }

  /** Data bytes of the reply, after its byte count: 2 per register, or the bits packed by 8. */
  public int replyDataBytes() {
    return table.bits() ? (count + 7) / 8 : 2 * count;
  }

  public int lastAddress() {
    return address + count - 1;
  }

  /** {@code holding 0..2}, for logs. */
  @Override
  public String toString() {
    return table.name().toLowerCase(java.util.Locale.ROOT) + " " + address + ".." + lastAddress();
  }
}
