package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.WriteRequest;
import java.io.ByteArrayOutputStream;

/** Encodes requests as RTU frames: unit, function code, PDU, CRC. */
public final class RtuRequests {

  /** Unit (slave) addresses a master may address and expect an answer from; 0 is broadcast. */
  public static final int MIN_UNIT = 1;

  public static final int MAX_UNIT = 247;

  private RtuRequests() {}

  public static byte[] read(int unit, ReadRequest request) {
    return frame(unit, request.functionCode(), request.address(), request.count(), null);
  }

  public static byte[] write(int unit, WriteRequest request) {
    // Java 17 has no pattern switch outside preview; the interface is sealed, so this is complete.
    if (request instanceof WriteRequest.SingleCoil c) {
      return frame(unit, 5, c.address(), c.on() ? 0xFF00 : 0, null);
    }
    if (request instanceof WriteRequest.SingleRegister r) {
      return frame(unit, 6, r.address(), r.value(), null);
    }
    WriteRequest.MultipleRegisters m = (WriteRequest.MultipleRegisters) request;
    byte[] data = new byte[1 + 2 * m.values().size()];
    data[0] = (byte) (2 * m.values().size());
    for (int i = 0; i < m.values().size(); i++) {
      data[1 + 2 * i] = (byte) (m.values().get(i) >>> 8);
      data[2 + 2 * i] = m.values().get(i).byteValue();
    }
    return frame(unit, 16, m.address(), m.values().size(), data);
  }

  public static void checkUnit(int unit) {
    if (unit < MIN_UNIT || unit > MAX_UNIT) {
      throw new IllegalArgumentException(
          "unit must be " + MIN_UNIT + ".." + MAX_UNIT + " (broadcast is not supported): " + unit);
    }
  }

  /** The common shape of every request we send: two 16-bit fields after the function code. */
  private static byte[] frame(int unit, int functionCode, int first, int second, byte[] data) {
    checkUnit(unit);
    ByteArrayOutputStream out = new ByteArrayOutputStream(9 + (data == null ? 0 : data.length));
    out.write(unit);
    out.write(functionCode);
    out.write(first >>> 8);
    out.write(first);
    out.write(second >>> 8);
    out.write(second);
    if (data != null) {
      out.writeBytes(data);
    }
    return Crc16.append(out.toByteArray());
  }
}
