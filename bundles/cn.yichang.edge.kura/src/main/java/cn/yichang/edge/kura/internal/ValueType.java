package cn.yichang.edge.kura.internal;

/** KuraMetric.ValueType of kurapayload.proto, with the number it has on the wire. */
public enum ValueType {
  DOUBLE(0),
  FLOAT(1),
  INT64(2),
  INT32(3),
  BOOL(4),
  STRING(5),
  BYTES(6);

  private final int number;

  ValueType(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The type of a wire number, or {@code null} for a number this version does not know. */
  public static ValueType ofNumber(int number) {
    for (ValueType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    return null;
  }

  /** The type that carries a metric value, as KuraMetric's constructor allows them. */
  public static ValueType of(Object value) {
    if (value instanceof Double) {
      return DOUBLE;
    } else if (value instanceof Float) {
      return FLOAT;
    } else if (value instanceof Long) {
      return INT64;
    } else if (value instanceof Integer) {
      return INT32;
    } else if (value instanceof Boolean) {
      return BOOL;
    } else if (value instanceof String) {
      return STRING;
    } else if (value instanceof byte[]) {
      return BYTES;
    }
    throw new IllegalArgumentException("no Kura type for " + value.getClass());
  }
}
