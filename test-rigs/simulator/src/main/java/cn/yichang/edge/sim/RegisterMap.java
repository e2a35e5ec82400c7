package cn.yichang.edge.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The four Modbus tables of one simulated unit, sparse: an address is served only if it was set, so
 * that a read across an unmapped address gets exception 2 as on devices that reject such reads.
 * Thread-safe, because values change at run time (fault scenarios, moving values) while the slave
 * serves them.
 */
public final class RegisterMap {

  /** A Modbus table. Coils and discretes hold 0 or 1; registers hold 0..65535. */
  public enum Table {
    COIL,
    DISCRETE,
    INPUT,
    HOLDING;

    boolean isBits() {
      return this == COIL || this == DISCRETE;
    }
  }

  private final Map<Table, TreeMap<Integer, Integer>> tables = new EnumMap<>(Table.class);

  public RegisterMap() {
    for (Table table : Table.values()) {
      tables.put(table, new TreeMap<>());
    }
  }

  /** Sets consecutive values from {@code address}; registers as unsigned 16-bit, bits as 0/1. */
  public synchronized RegisterMap set(Table table, int address, int... values) {
    for (int i = 0; i < values.length; i++) {
      checkAddress(address + i);
      tables.get(table).put(address + i, checkValue(table, values[i]));
    }
    return this;
  }

  public RegisterMap holding(int address, int... values) {
    return set(Table.HOLDING, address, values);
  }

  public RegisterMap input(int address, int... values) {
    return set(Table.INPUT, address, values);
  }

  public RegisterMap coil(int address, boolean... values) {
    return set(Table.COIL, address, bits(values));
  }

  public RegisterMap discrete(int address, boolean... values) {
    return set(Table.DISCRETE, address, bits(values));
  }

  public synchronized OptionalInt get(Table table, int address) {
    Integer value = tables.get(table).get(address);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** The values of {@code count} addresses from {@code start}, or empty if any is unmapped. */
  public synchronized Optional<int[]> read(Table table, int start, int count) {
    TreeMap<Integer, Integer> values = tables.get(table);
    int[] result = new int[count];
    for (int i = 0; i < count; i++) {
      Integer value = values.get(start + i);
      if (value == null) {
        return Optional.empty();
      }
      result[i] = value;
    }
    return Optional.of(result);
  }

  /** Writes all values, or none (returns false) if any address is unmapped. */
  public synchronized boolean write(Table table, int start, int... values) {
    TreeMap<Integer, Integer> existing = tables.get(table);
    for (int i = 0; i < values.length; i++) {
      if (!existing.containsKey(start + i)) {
        return false;
      }
    }
    for (int i = 0; i < values.length; i++) {
      existing.put(start + i, checkValue(table, values[i]));
    }
    return true;
  }

  public synchronized int size(Table table) {
    return tables.get(table).size();
  }

  private static int[] bits(boolean... values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = values[i] ? 1 : 0;
    }
    return bits;
  }

  private static void checkAddress(int address) {
    if (address < 0 || address > 0xFFFF) {
      throw new IllegalArgumentException("address out of 0..65535: " + address);
    }
  }

  private static int checkValue(Table table, int value) {
    int max = table.isBits() ? 1 : 0xFFFF;
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(table + " value out of 0.." + max + ": " + value);
    }
    return value;
  }
}
