package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Modbus RTU device behind an in-memory transactor: answers from its tables, and can be told to
 * fall silent, garble its CRC or refuse reads of given addresses. Its answers go through the real
 * frame reader, so the master is exercised as on a line, minus the timing.
 */
final class FakeDevice implements Transactor {

  private final int unit;
  private final Map<Table, Map<Integer, Integer>> tables = new EnumMap<>(Table.class);
  private final Map<Table, Map<Integer, Integer>> rejections = new EnumMap<>(Table.class);
  private final Map<Table, Map<Integer, String>> faults = new EnumMap<>(Table.class);
  private final List<byte[]> requests = new ArrayList<>();
  private int silentFromTransaction = Integer.MAX_VALUE;

  FakeDevice(int unit) {
    this.unit = unit;
    for (Table table : Table.values()) {
      tables.put(table, new HashMap<>());
      rejections.put(table, new HashMap<>());
      faults.put(table, new HashMap<>());
    }
  }

  /** Registers from {@code address} on (or bits as 0/1 for coil and discrete). */
  FakeDevice set(Table table, int address, int... values) {
    for (int i = 0; i < values.length; i++) {
      tables.get(table).put(address + i, values[i]);
    }
    return this;
  }

  /** Answers any request that covers {@code address} with this exception code. */
  FakeDevice reject(Table table, int address, int exceptionCode) {
    rejections.get(table).put(address, exceptionCode);
    return this;
  }

  /** Answers any read covering {@code address} with a bad CRC. */
  FakeDevice garble(Table table, int address) {
    faults.get(table).put(address, "crc");
    return this;
  }

  /** Says nothing from the n-th transaction (0-based) on. */
  FakeDevice silentFrom(int transaction) {
    silentFromTransaction = transaction;
    return this;
  }

  int value(Table table, int address) {
    return tables.get(table).getOrDefault(address, 0);
  }

  List<byte[]> requests() {
    return requests;
  }

  @Override
  public LineSettings settings() {
    return new LineSettings("fake", 9600, Parity.NONE, 8, 1);
  }

  @Override
  public byte[] transact(byte[] request, FrameReader reader) throws TransactionException {
    if (!Crc16.valid(request)) {
      throw new AssertionError("master sent a bad CRC: " + Hex.of(request));
    }
    requests.add(request);
    byte[] answer = requests.size() > silentFromTransaction ? new byte[0] : answer(request);
    return reader.read(new BytesInput(answer));
  }

  private byte[] answer(byte[] request) {
    int fc = request[1] & 0xFF;
    int address = word(request, 2);
    int count = fc == 5 || fc == 6 ? 1 : word(request, 4);
    Table table =
        switch (fc) {
          case 1, 5 -> Table.COIL;
          case 2 -> Table.DISCRETE;
          case 4 -> Table.INPUT;
          default -> Table.HOLDING;
        };
    for (int a = address; a < address + count; a++) {
      Integer code = rejections.get(table).get(a);
      if (code != null) {
        return Crc16.append(new byte[] {(byte) unit, (byte) (fc | 0x80), code.byteValue()});
      }
    }
    byte[] frame = fc <= 4 ? read(fc, table, address, count) : write(request, fc, table, address);
    for (int a = address; a < address + count; a++) {
      if (faults.get(table).containsKey(a)) {
        frame[frame.length - 1] ^= 0x55;
      }
    }
    return frame;
  }

  private byte[] read(int fc, Table table, int address, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(unit);
    out.write(fc);
    if (table.bits()) {
      byte[] packed = new byte[(count + 7) / 8];
      for (int i = 0; i < count; i++) {
        if (value(table, address + i) != 0) {
          packed[i / 8] |= (byte) (1 << (i % 8));
        }
      }
      out.write(packed.length);
      out.writeBytes(packed);
    } else {
      out.write(2 * count);
      for (int i = 0; i < count; i++) {
        out.write(value(table, address + i) >>> 8);
        out.write(value(table, address + i));
      }
    }
    return Crc16.append(out.toByteArray());
  }

  private byte[] write(byte[] request, int fc, Table table, int address) {
    switch (fc) {
      case 5 -> set(table, address, word(request, 4) == 0xFF00 ? 1 : 0);
      case 6 -> set(table, address, word(request, 4));
      case 16 -> {
        for (int i = 0; i < word(request, 4); i++) {
          set(table, address + i, word(request, 7 + 2 * i));
        }
      }
      default -> throw new AssertionError("function " + fc);
    }
    return Crc16.append(java.util.Arrays.copyOf(request, 6));
  }

  private static int word(byte[] frame, int offset) {
    return ((frame[offset] & 0xFF) << 8) | (frame[offset + 1] & 0xFF);
  }
}
