package cn.yichang.edge.sim;

import cn.yichang.edge.sim.RegisterMap.Table;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Answers one request PDU (function code and data, without unit and CRC) from a register map: the
 * reply PDU, or an exception PDU (function | 0x80, code). Counts are checked before addresses, as
 * the Modbus application protocol specifies (exception 3 before exception 2).
 */
public final class RequestProcessor {

  public static final int ILLEGAL_FUNCTION = 1;
  public static final int ILLEGAL_DATA_ADDRESS = 2;
  public static final int ILLEGAL_DATA_VALUE = 3;

  private RequestProcessor() {}

  public static byte[] handle(RegisterMap map, byte[] pdu) {
    int function = pdu[0] & 0xFF;
    return switch (function) {
      case 1 -> readBits(map, Table.COIL, pdu);
      case 2 -> readBits(map, Table.DISCRETE, pdu);
      case 3 -> readRegisters(map, Table.HOLDING, pdu);
      case 4 -> readRegisters(map, Table.INPUT, pdu);
      case 5 -> writeSingleCoil(map, pdu);
      case 6 -> writeSingleRegister(map, pdu);
      case 15 -> writeMultipleCoils(map, pdu);
      case 16 -> writeMultipleRegisters(map, pdu);
      default -> exception(function, ILLEGAL_FUNCTION);
    };
  }

  /** An exception PDU for the given request function code. */
  public static byte[] exception(int function, int code) {
    return new byte[] {(byte) (function | 0x80), (byte) code};
  }

  /** True if the reply PDU is an exception. */
  public static boolean isException(byte[] replyPdu) {
    return (replyPdu[0] & 0x80) != 0;
  }

  private static byte[] readBits(RegisterMap map, Table table, byte[] pdu) {
    int start = word(pdu, 1);
    int count = word(pdu, 3);
    if (pdu.length != 5 || count < 1 || count > 2000) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    Optional<int[]> bits = map.read(table, start, count);
    if (bits.isEmpty()) {
      return exception(pdu[0], ILLEGAL_DATA_ADDRESS);
    }
    byte[] reply = new byte[2 + (count + 7) / 8];
    reply[0] = pdu[0];
    reply[1] = (byte) (reply.length - 2);
    for (int i = 0; i < count; i++) {
      if (bits.get()[i] != 0) {
        reply[2 + i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return reply;
  }

  private static byte[] readRegisters(RegisterMap map, Table table, byte[] pdu) {
    int start = word(pdu, 1);
    int count = word(pdu, 3);
    if (pdu.length != 5 || count < 1 || count > 125) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    Optional<int[]> registers = map.read(table, start, count);
    if (registers.isEmpty()) {
      return exception(pdu[0], ILLEGAL_DATA_ADDRESS);
    }
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    reply.write(pdu[0]);
    reply.write(2 * count);
    for (int value : registers.get()) {
      reply.write(value >>> 8);
      reply.write(value);
    }
    return reply.toByteArray();
  }

  private static byte[] writeSingleCoil(RegisterMap map, byte[] pdu) {
    int value = word(pdu, 3);
    if (pdu.length != 5 || (value != 0xFF00 && value != 0x0000)) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    if (!map.write(Table.COIL, word(pdu, 1), value == 0xFF00 ? 1 : 0)) {
      return exception(pdu[0], ILLEGAL_DATA_ADDRESS);
    }
    return pdu.clone();
  }

  private static byte[] writeSingleRegister(RegisterMap map, byte[] pdu) {
    if (pdu.length != 5) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    if (!map.write(Table.HOLDING, word(pdu, 1), word(pdu, 3))) {
      return exception(pdu[0], ILLEGAL_DATA_ADDRESS);
    }
    return pdu.clone();
  }

  private static byte[] writeMultipleCoils(RegisterMap map, byte[] pdu) {
    int count = word(pdu, 3);
    int byteCount = pdu.length > 5 ? pdu[5] & 0xFF : -1;
    if (count < 1 || count > 1968 || byteCount != (count + 7) / 8 || pdu.length != 6 + byteCount) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    int[] bits = new int[count];
    for (int i = 0; i < count; i++) {
      bits[i] = (pdu[6 + i / 8] >>> (i % 8)) & 1;
    }
    return writeReply(map.write(Table.COIL, word(pdu, 1), bits), pdu);
  }

  private static byte[] writeMultipleRegisters(RegisterMap map, byte[] pdu) {
    int count = word(pdu, 3);
    int byteCount = pdu.length > 5 ? pdu[5] & 0xFF : -1;
    if (count < 1 || count > 123 || byteCount != 2 * count || pdu.length != 6 + byteCount) {
      return exception(pdu[0], ILLEGAL_DATA_VALUE);
    }
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = word(pdu, 6 + 2 * i);
    }
    return writeReply(map.write(Table.HOLDING, word(pdu, 1), values), pdu);
  }

  /** FC 15/16 reply: function, start, count — the first five bytes of the request. */
  private static byte[] writeReply(boolean written, byte[] pdu) {
    if (!written) {
      return exception(pdu[0], ILLEGAL_DATA_ADDRESS);
    }
    return Arrays.copyOf(pdu, 5);
  }

  private static int word(byte[] bytes, int offset) {
    return offset + 1 < bytes.length
        ? ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF)
        : 0;
  }
}
