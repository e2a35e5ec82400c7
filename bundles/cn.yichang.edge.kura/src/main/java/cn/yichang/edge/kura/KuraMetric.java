package cn.yichang.edge.kura;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One named value of a Kura payload. The value's Java type gives the wire type: {@link Double}
 * DOUBLE, {@link Float} FLOAT, {@link Long} INT64, {@link Integer} INT32, {@link Boolean} BOOL,
 * {@link String} STRING, {@code byte[]} BYTES.
 *
 * <p>Equality compares a BYTES value by content, so that a decoded metric equals the one that was
 * encoded.
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

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof KuraMetric that) || !name.equals(that.name)) {
      return false;
    }
    if (value instanceof byte[] bytes) {
      return that.value instanceof byte[] thatBytes && Arrays.equals(bytes, thatBytes);
    }
    return value.equals(that.value);
  }

  @Override
  public int hashCode() {
    int valueHash = value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode();
    return 31 * name.hashCode() + valueHash;
  }

  @Override
  public String toString() {
    String shown =
        value instanceof byte[] bytes
            ? "bytes["
                + bytes.length
                + "]"
                + HexFormat.of().formatHex(bytes, 0, Math.min(32, bytes.length))
            : value.getClass().getSimpleName() + " " + value;
    return name + "=" + shown;
  }
}
