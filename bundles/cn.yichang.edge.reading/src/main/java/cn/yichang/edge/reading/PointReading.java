package cn.yichang.edge.reading;

import java.util.Objects;

/**
 * One point of a reading set: either a value or, when the point could not be read, the reason.
 *
 * <p>{@code value} is a {@link Long} for unscaled integers, a {@link Double} for scaled or
 * floating-point numbers, a {@link Boolean} or a {@link String}; it is {@code null} exactly when
 * {@code error} is not.
 */
public record PointReading(
    String name, Object value, String unit, String error, boolean outOfRange) {

  public PointReading {
    Objects.requireNonNull(name, "name");
    if ((value == null) == (error == null)) {
      throw new IllegalArgumentException(name + ": exactly one of value and error must be given");
    }
    if (value != null
        && !(value instanceof Long
            || value instanceof Double
            || value instanceof Boolean
            || value instanceof String)) {
      throw new IllegalArgumentException(name + ": unsupported value type " + value.getClass());
    }
  }

  public static PointReading of(String name, Object value, String unit, boolean outOfRange) {
    return new PointReading(name, value, unit, null, outOfRange);
  }

  public static PointReading failed(String name, String unit, String reason) {
    return new PointReading(name, null, unit, reason, false);
  }

  public boolean ok() {
    return error == null;
  }
}
