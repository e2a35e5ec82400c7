package cn.yichang.edge.modbus;

import cn.yichang.edge.bus.DeviceRejectedException;

/**
 * A well-formed exception response (function code with bit 7 set, then one exception code): the
 * device is alive but refused the request, e.g. because the profile maps an address it lacks.
 */
public class ModbusExceptionResponse extends DeviceRejectedException {
  private static final long serialVersionUID = 1L;

  private final int functionCode;
  private final int exceptionCode;

  public ModbusExceptionResponse(int unit, int functionCode, int exceptionCode) {
    super(
        reasonFor(exceptionCode),
        "unit "
            + unit
            + " answered function "
            + functionCode
            + " with "
            + reasonFor(exceptionCode));
    this.functionCode = functionCode;
    this.exceptionCode = exceptionCode;
  }

  /** The function code of the request, without the exception bit. */
  public int functionCode() {
    return functionCode;
  }

  public int exceptionCode() {
    return exceptionCode;
  }

  /** The name the Modbus application protocol specification gives the code. */
  public String exceptionName() {
    return nameOf(exceptionCode);
  }

  /** {@code exception 2 (illegal data address)}, as shown in place of a point's value. */
  static String reasonFor(int exceptionCode) {
    return "exception " + exceptionCode + " (" + nameOf(exceptionCode) + ")";
  }

  static String nameOf(int exceptionCode) {
    return switch (exceptionCode) {
      case 1 -> "illegal function";
      case 2 -> "illegal data address";
      case 3 -> "illegal data value";
      case 4 -> "server device failure";
      case 5 -> "acknowledge";
      case 6 -> "server device busy";
      case 8 -> "memory parity error";
      case 10 -> "gateway path unavailable";
      case 11 -> "gateway target device failed to respond";
      default -> "unknown";
    };
  }
}
