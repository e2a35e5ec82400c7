package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The inverse of {@link ValueDecoder} for writable points: checks a value and turns it into the
 * write request that makes the device read it back as that value (raw = (value - offset) / scale,
 * in the point's word order). Every refusal is an {@link IllegalArgumentException} that says why.
 */
public final class WriteEncoder {

  private WriteEncoder() {}

  /**
   * @param value a {@link Boolean} for a coil, a {@link Long} or {@link Double} for a register
   *     number
   */
  public static WriteRequest encode(Point point, Object value) {
    if (!point.writable()) {
      throw new IllegalArgumentException(
          point.name() + " is not writable (its profile does not mark it writable: true)");
    }
    if (point.table() == Table.COIL) {
      if (!(value instanceof Boolean on)) {
        throw new IllegalArgumentException(
            point.name() + " is a coil: expected true or false, got " + describe(value));
      }
      return new WriteRequest.SingleCoil(point.address(), on);
    }
    if (point.table() != Table.HOLDING || !(point.type().integral() || isFloat(point.type()))) {
      // The profile reader refuses writable on anything else; guard against hand-made points.
      throw new IllegalArgumentException(point.name() + " cannot be written");
    }
    if (!(value instanceof Long || value instanceof Double)) {
      throw new IllegalArgumentException(
          point.name() + " is a number: expected a number, got " + describe(value));
    }
    double asDouble = ((Number) value).doubleValue();
    if (!Double.isFinite(asDouble)) {
      throw new IllegalArgumentException(point.name() + ": " + value + " is not a finite number");
    }
    if (!point.inRange(asDouble)) {
      throw new IllegalArgumentException(
          point.name() + ": " + value + " is outside " + range(point.min(), point.max()));
    }
    List<Integer> words = words(point, value);
    return words.size() == 1
        ? new WriteRequest.SingleRegister(point.address(), words.get(0))
        : new WriteRequest.MultipleRegisters(point.address(), words);
  }

  /** The registers to write, in wire order. */
  static List<Integer> words(Point point, Object value) {
    PointType type = point.type();
    long bits;
    if (type == PointType.FLOAT32) {
      double raw = unscale(point, ((Number) value).doubleValue());
      if (Math.abs(raw) > Float.MAX_VALUE) {
        throw new IllegalArgumentException(point.name() + ": " + value + " does not fit a float32");
      }
      bits = Float.floatToIntBits((float) raw) & 0xFFFFFFFFL;
    } else if (type == PointType.FLOAT64) {
      bits = Double.doubleToLongBits(unscale(point, ((Number) value).doubleValue()));
    } else {
      bits = rawInteger(point, value);
    }
    int n = type.fixedRegisters();
    List<Integer> words = new ArrayList<>(Collections.nCopies(n, 0));
    for (int i = 0; i < n; i++) {
      // Word i counted from the high end; LITTLE puts the lowest word at the lowest address.
      int word = (int) ((bits >>> (16 * (n - 1 - i))) & 0xFFFF);
      int wireIndex = point.wordOrder() == WordOrder.LITTLE ? n - 1 - i : i;
      words.set(wireIndex, word);
    }
    return words;
  }

  private static double unscale(Point point, double value) {
    return (value - point.offset()) / point.scale();
  }

  /** The raw integer, in exact decimal so that 20.0 at x0.1 - 40 is 600, not 599.99999. */
  private static long rawInteger(Point point, Object value) {
    BigDecimal exact =
        value instanceof Long l ? BigDecimal.valueOf(l) : BigDecimal.valueOf((Double) value);
    BigDecimal raw =
        exact
            .subtract(BigDecimal.valueOf(point.offset()))
            .divide(BigDecimal.valueOf(point.scale()), MathContext.DECIMAL64);
    BigDecimal rounded = raw.setScale(0, RoundingMode.HALF_EVEN);
    if (!point.scaled() && raw.compareTo(rounded) != 0) {
      throw new IllegalArgumentException(
          point.name() + " is an integer (" + lower(point.type()) + "): " + value + " is not");
    }
    BigDecimal min = BigDecimal.valueOf(minRaw(point.type()));
    BigDecimal max = maxRaw(point.type());
    if (rounded.compareTo(min) < 0 || rounded.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          point.name()
              + ": "
              + value
              + " needs raw value "
              + rounded.toPlainString()
              + ", outside "
              + lower(point.type())
              + " "
              + min
              + ".."
              + max);
    }
    return rounded.longValue();
  }

  private static long minRaw(PointType type) {
    return switch (type) {
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  private static BigDecimal maxRaw(PointType type) {
    return BigDecimal.valueOf(
        switch (type) {
          case INT16 -> Short.MAX_VALUE;
          case UINT16 -> 0xFFFF;
          case INT32 -> Integer.MAX_VALUE;
          case UINT32 -> 0xFFFFFFFFL;
          default -> Long.MAX_VALUE;
        });
  }

  private static boolean isFloat(PointType type) {
    return type == PointType.FLOAT32 || type == PointType.FLOAT64;
  }

  private static String range(Double min, Double max) {
    return (min == null ? "-inf" : min) + ".." + (max == null ? "+inf" : max);
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String lower(PointType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
