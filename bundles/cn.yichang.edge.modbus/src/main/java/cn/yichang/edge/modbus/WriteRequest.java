package cn.yichang.edge.modbus;

import java.util.List;

/** A write to one device: a single coil (FC 5), a single register (FC 6) or several (FC 16). */
public sealed interface WriteRequest {

  int address();

  int functionCode();

  /** Sets one coil on or off. */
  record SingleCoil(int address, boolean on) implements WriteRequest {
    public SingleCoil {
      checkRange(address, 1);
    }

    @Override
    public int functionCode() {
      return 5;
    }
  }

  /**
   * Writes one holding register. A value in -32768..-1 is taken as its 16-bit two's complement, so
   * an int16 can be written as it is.
   */
  record SingleRegister(int address, int value) implements WriteRequest {
    public SingleRegister {
      checkRange(address, 1);
      value = checkWord(value);
    }

    @Override
    public int functionCode() {
      return 6;
    }
  }

  /** Writes 1..123 consecutive holding registers (the request must fit 256 bytes). */
  record MultipleRegisters(int address, List<Integer> values) implements WriteRequest {
    public static final int MAX_REGISTERS = 123;

    public MultipleRegisters {
      if (values.isEmpty() || values.size() > MAX_REGISTERS) {
        throw new IllegalArgumentException(
            "1.." + MAX_REGISTERS + " registers per write: " + values.size());
      }
      checkRange(address, values.size());
      values = values.stream().map(WriteRequest::checkWord).toList();
    }

    @Override
    public int functionCode() {
      return 16;
    }
  }

  private static void checkRange(int address, int count) {
    if (address < 0 || address + count > 0x10000) {
      throw new IllegalArgumentException("address outside 0..65535: " + address);
    }
  }

  private static int checkWord(int value) {
    if (value < -0x8000 || value > 0xFFFF) {
      throw new IllegalArgumentException("not a 16-bit value: " + value);
    }
    return value & 0xFFFF;
  }
}
