package cn.yichang.edge.kura;

import java.util.Objects;

/**
 * One named value of a Kura payload. The value's Java type gives the wire type: {@link Double}
 * DOUBLE, {@link Float} FLOAT, {@link Long} INT64, {@link Integer} INT32, {@link Boolean} BOOL,
 * {@link String} STRING, {@code byte[]} BYTES.
 */
public record KuraMetric(String name, Object value) {

  public KuraMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value of " + name);
    if (!(value instanceof Double
        || value instanceof Float
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof String
        || value instanceof byte[])) {
      throw new IllegalArgumentException(name + ": no Kura type for " + value.getClass());
    }
  }
}
