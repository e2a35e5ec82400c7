package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.Table;
import java.util.List;

/**
 * A Modbus RTU master over a bus's transactor: encodes the request, reads exactly the expected
 * response and validates it. Timing (silence, response timeout) and counting are the bus's.
 *
 * <p>Every method throws {@link cn.yichang.edge.bus.ResponseTimeoutException} when the device does
 * not answer, {@link cn.yichang.edge.bus.CorruptFrameException} for a garbled answer and {@link
 * cn.yichang.edge.modbus.ModbusExceptionResponse} when the device refuses.
 */
public final class RtuMaster {

  private final Transactor transactor;

  public RtuMaster(Transactor transactor) {
    this.transactor = transactor;
  }

  public ReadBlock read(int unit, ReadRequest request)
      throws TransactionException, InterruptedException {
    byte[] frame =
        transactor.transact(
            RtuRequests.read(unit, request), RtuResponseReader.forRead(unit, request));
    return ReadBlock.fromFrame(request, frame);
  }

  /** FC 1 (coil) or 2 (discrete). */
  public boolean[] readBits(int unit, Table table, int address, int count)
      throws TransactionException, InterruptedException {
    requireTable(table, true);
    ReadBlock block = read(unit, new ReadRequest(table, address, count));
    boolean[] bits = new boolean[count];
    for (int i = 0; i < count; i++) {
      bits[i] = block.bit(address + i);
    }
    return bits;
  }

  /** FC 3 (holding) or 4 (input); each register as 0..65535. */
  public int[] readRegisters(int unit, Table table, int address, int count)
      throws TransactionException, InterruptedException {
    requireTable(table, false);
    ReadBlock block = read(unit, new ReadRequest(table, address, count));
    int[] registers = new int[count];
    for (int i = 0; i < count; i++) {
      registers[i] = block.register(address + i);
    }
    return registers;
  }

  /** FC 5, 6 or 16; returns when the device has echoed the write. */
  public void write(int unit, WriteRequest request)
      throws TransactionException, InterruptedException {
    byte[] frame = RtuRequests.write(unit, request);
    transactor.transact(frame, RtuResponseReader.forWrite(frame));
  }

  public void writeSingleCoil(int unit, int address, boolean on)
      throws TransactionException, InterruptedException {
    write(unit, new WriteRequest.SingleCoil(address, on));
  }

  public void writeSingleRegister(int unit, int address, int value)
      throws TransactionException, InterruptedException {
    write(unit, new WriteRequest.SingleRegister(address, value));
  }

  public void writeMultipleRegisters(int unit, int address, int... values)
      throws TransactionException, InterruptedException {
    write(
        unit,
        new WriteRequest.MultipleRegisters(
            address, List.of(java.util.Arrays.stream(values).boxed().toArray(Integer[]::new))));
  }

  private static void requireTable(Table table, boolean bits) {
    if (table.bits() != bits) {
      throw new IllegalArgumentException(
          table + (bits ? " is not a bit table" : " is not a register table"));
    }
  }
}
