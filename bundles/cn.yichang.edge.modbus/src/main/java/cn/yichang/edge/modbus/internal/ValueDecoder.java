package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.WordOrder;
import cn.yichang.edge.reading.PointReading;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Turns the registers or bits of a point into its reading.
 *
 * <p>Value = raw x scale + offset. Integers stay exact as {@link Long} unless the point is scaled;
 * scaled numbers and floats are {@link Double}. The range check is made on the final value and a
 * value out of range is kept, only marked, so that the operator sees what the sensor said.
 */
public final class ValueDecoder {

  private ValueDecoder() {}

  public static PointReading decode(Point point, ReadBlock block) {
    Object value = value(point, block);
    boolean outOfRange =
        value instanceof Long l
            ? !point.inRange(l)
            : value instanceof Double d && !point.inRange(d);
    return PointReading.of(point.name(), value, point.unit(), outOfRange);
  }

  private static Object value(Point point, ReadBlock block) {
    if (point.table().bits()) {
      return block.bit(point.address());
    }
    PointType type = point.type();
    if (type == PointType.BOOL) {
      int register = block.register(point.address());
      // Without a bit, a register read as bool is "any bit set".
      return point.bit() < 0 ? register != 0 : ((register >>> point.bit()) & 1) != 0;
    }
    if (type == PointType.STRING) {
      return string(point, block);
    }
    long raw = raw(point, block);
    return switch (type) {
      case FLOAT32 -> scale(point, Float.intBitsToFloat((int) raw));
      case FLOAT64 -> scale(point, Double.longBitsToDouble(raw));
      default -> point.scaled() ? scaleExactly(point, raw) : (Object) raw;
    };
  }

  /**
   * Scales an integer in decimal, so that 312 x 0.1 reads 31.2 and not 31.200000000000003: the
   * result is the double nearest to the exact decimal value the profile's author meant.
   */
  private static double scaleExactly(Point point, long raw) {
    return BigDecimal.valueOf(raw)
        .multiply(BigDecimal.valueOf(point.scale()))
        .add(BigDecimal.valueOf(point.offset()))
        .doubleValue();
  }

  private static double scale(Point point, double raw) {
    return raw * point.scale() + point.offset();
  }

  /** The point's registers as one integer, high word first whatever the wire order was. */
  static long raw(Point point, ReadBlock block) {
    int words = point.type().fixedRegisters();
    long bits = 0;
    for (int i = 0; i < words; i++) {
      // LITTLE: the register at the lowest address holds the lowest word.
      int wireIndex = point.wordOrder() == WordOrder.LITTLE ? words - 1 - i : i;
      bits = (bits << 16) | block.register(point.address() + wireIndex);
    }
    return switch (point.type()) {
      case INT16 -> (short) bits;
      case INT32 -> (int) bits;
      default -> bits; // UINT16, UINT32, INT64 and the float bit patterns are already right
    };
  }

  /** Two ASCII characters per register, high byte first; padding NULs and spaces dropped. */
  private static String string(Point point, ReadBlock block) {
    byte[] chars = new byte[2 * point.length()];
    for (int i = 0; i < point.length(); i++) {
      int register = block.register(point.address() + i);
      chars[2 * i] = (byte) (register >>> 8);
      chars[2 * i + 1] = (byte) register;
    }
    int end = chars.length;
    while (end > 0 && (chars[end - 1] == 0 || chars[end - 1] == ' ')) {
      end--;
    }
    // ISO-8859-1 maps each byte to one char, so a non-ASCII byte shows up instead of vanishing.
    return new String(chars, 0, end, StandardCharsets.ISO_8859_1);
  }
}
