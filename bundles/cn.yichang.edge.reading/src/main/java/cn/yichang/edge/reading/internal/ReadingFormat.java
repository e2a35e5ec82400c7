package cn.yichang.edge.reading.internal;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.util.stream.Collectors;

/**
 * One line per reading set, readable by people and by scripts: {@code name=value unit} for a value
 * (strings quoted as JSON), {@code name: reason} for a point that failed. An alarm's line starts
 * with {@code alarm reading}.
 */
final class ReadingFormat {
  private ReadingFormat() {}

  static String line(ReadingSet set) {
    return (set.alarm() ? "alarm reading " : "reading ")
        + set.deviceId()
        + " at "
        + set.timestamp()
        + ": "
        + set.points().stream().map(ReadingFormat::point).collect(Collectors.joining(", "));
  }

  static String point(PointReading p) {
    if (!p.ok()) {
      return p.name() + ": " + p.error();
    }
    StringBuilder out = new StringBuilder(p.name()).append('=').append(value(p.value()));
    if (p.unit() != null && !p.unit().isEmpty()) {
      out.append(' ').append(p.unit());
    }
    if (p.outOfRange()) {
      out.append(" (out of range)");
    }
    return out.toString();
  }

  static String value(Object value) {
    if (value instanceof String s) {
      return quote(s);
    }
    return String.valueOf(value);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
