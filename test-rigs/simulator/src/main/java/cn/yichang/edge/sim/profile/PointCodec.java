package cn.yichang.edge.sim.profile;

import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import cn.yichang.edge.sim.RegisterMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's own encoding of engineering values into registers: raw = (value - offset) /
 * scale, then the type's bytes in the point's word order. Deliberately written without the
 * gateway's Modbus code, so that a rig checks that code against an independent implementation.
 * Every method returns the value a correct decoder gets back from what was written.
 */
final class PointCodec {

  private PointCodec() {}

  static RegisterMap.Table table(Point point) {
    return table(point.table());
  }

  static RegisterMap.Table table(Table table) {
    return switch (table) {
      case HOLDING -> RegisterMap.Table.HOLDING;
      case INPUT -> RegisterMap.Table.INPUT;
      case COIL -> RegisterMap.Table.COIL;
      case DISCRETE -> RegisterMap.Table.DISCRETE;
    };
  }

  /**
   * Writes a number (for a bool: non-zero is true). With {@code keepInRange} the value is moved
   * inside the point's min/max after rounding to the register's resolution.
   */
  static Object write(RegisterMap map, Point point, double value, boolean keepInRange) {
    return switch (point.type()) {
      case BOOL -> writeBool(map, point, value != 0);
      case STRING -> writeString(map, point, formatNumber(value));
      case FLOAT32, FLOAT64 -> writeFloat(map, point, value, keepInRange);
      default -> writeInteger(map, point, value, keepInRange);
    };
  }

  static Object writeBool(RegisterMap map, Point point, boolean value) {
    RegisterMap.Table table = table(point);
    if (point.table().bits()) {
      map.set(table, point.address(), value ? 1 : 0);
      return value;
    }
    synchronized (map) { // read-modify-write: other bits of the register belong to other points
      int register = map.get(table, point.address()).orElse(0);
      int mask = 1 << point.bit();
      map.set(table, point.address(), value ? register | mask : register & ~mask);
    }
    return value;
  }

  /** ASCII, two characters per register, high byte first, padded with NULs; cut to fit. */
  static String writeString(RegisterMap map, Point point, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int[] registers = new int[point.length()];
    for (int i = 0; i < registers.length; i++) {
      int high = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
      int low = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
      registers[i] = high << 8 | low;
    }
    map.set(table(point), point.address(), registers);
    String served = new String(bytes, 0, Math.min(bytes.length, 2 * point.length()));
    return served.replaceAll("[\\x00 ]+$", "");
  }

  private static Object writeInteger(RegisterMap map, Point point, double value, boolean inRange) {
    long raw = Math.round((value - point.offset()) / point.scale());
    raw = clamp(raw, rawMin(point.type()), rawMax(point.type()));
    if (inRange) {
      // rounding may have crossed a bound: step back by one resolution (scale may be negative)
      long inward = point.scale() > 0 ? 1 : -1;
      if (point.max() != null && decoded(point, raw) > point.max()) {
        raw -= inward;
      }
      if (point.min() != null && decoded(point, raw) < point.min()) {
        raw += inward;
      }
    }
    map.set(table(point), point.address(), words(point, bits(point.type(), raw)));
    return point.scaled() ? (Object) decoded(point, raw) : (Object) raw;
  }

  private static Object writeFloat(RegisterMap map, Point point, double value, boolean inRange) {
    double raw = (value - point.offset()) / point.scale();
    long bits;
    double decoded;
    if (point.type() == PointType.FLOAT32) {
      float f = (float) raw;
      for (int i = 0; inRange && i < 4 && !point.inRange(f * point.scale() + point.offset()); i++) {
        boolean high = point.max() != null && f * point.scale() + point.offset() > point.max();
        f = high == point.scale() > 0 ? Math.nextDown(f) : Math.nextUp(f);
      }
      bits = Float.floatToIntBits(f) & 0xFFFF_FFFFL;
      decoded = (double) f * point.scale() + point.offset();
    } else {
      bits = Double.doubleToLongBits(raw);
      decoded = raw * point.scale() + point.offset();
    }
    map.set(table(point), point.address(), words(point, bits));
    return decoded;
  }

  /** The engineering value of a raw integer, computed in decimal as a careful decoder does. */
  static double decoded(Point point, long raw) {
    return BigDecimal.valueOf(raw)
        .multiply(BigDecimal.valueOf(point.scale()))
        .add(BigDecimal.valueOf(point.offset()))
        .doubleValue();
  }

  /** The registers of a value of {@code words} 16-bit words, in the point's word order. */
  private static int[] words(Point point, long bits) {
    int count = point.type().fixedRegisters();
    int[] registers = new int[count];
    for (int i = 0; i < count; i++) {
      int word = (int) (bits >>> (16 * (count - 1 - i))) & 0xFFFF; // i = 0 is the high word
      registers[point.wordOrder() == WordOrder.BIG ? i : count - 1 - i] = word;
    }
    return registers;
  }

  private static long bits(PointType type, long raw) {
    return switch (type) {
      case INT16, UINT16 -> raw & 0xFFFFL;
      case INT32, UINT32 -> raw & 0xFFFF_FFFFL;
      default -> raw;
    };
  }

  static long rawMin(PointType type) {
    return switch (type) {
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  static long rawMax(PointType type) {
    return switch (type) {
      case INT16 -> Short.MAX_VALUE;
      case UINT16 -> 0xFFFF;
      case INT32 -> Integer.MAX_VALUE;
      case UINT32 -> 0xFFFF_FFFFL;
      default -> Long.MAX_VALUE;
    };
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  private static String formatNumber(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
