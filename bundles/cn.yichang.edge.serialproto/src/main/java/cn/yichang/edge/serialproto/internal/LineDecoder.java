package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.AsciiLineSpec.LineField;
import cn.yichang.edge.profile.AsciiLineSpec.LineKind;
import cn.yichang.edge.reading.PointReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one checked line: the first kind of line whose pattern is found in it says
 * which. A line of no kind is skipped (a receiver's GSV sentences, a device's echo). A field that
 * is empty or cannot be read fails alone, with the reason in place of its value.
 */
final class LineDecoder {

  private final AsciiLineSpec spec;
  private final Pattern delimiter;

  LineDecoder(AsciiLineSpec spec) {
    this.spec = spec;
    this.delimiter = Pattern.compile(Pattern.quote(spec.delimiter()));
  }

  /** A line as shown in messages: at most 40 characters, control characters escaped. */
  static String shown(String line) {
    String cut = line.length() > 40 ? line.substring(0, 40) + "..." : line;
    StringBuilder out = new StringBuilder("\"");
    for (char c : cut.toCharArray()) {
      out.append(c < 0x20 || c > 0x7E ? String.format("\\x%02X", (int) c) : String.valueOf(c));
    }
    return out.append('"').toString();
  }

  void decode(String line, MessageParser.Listener listener) {
    for (LineKind kind : spec.lines()) {
      if (kind.accepts(line)) {
        listener.message(read(kind, line));
        return;
      }
    }
  }

  private List<PointReading> read(LineKind kind, String line) {
    String[] parts = delimiter.split(line, -1);
    Matcher m = kind.match() == null ? null : kind.match().matcher(line);
    boolean found = m != null && m.find();
    List<PointReading> out = new ArrayList<>(kind.fields().size());
    for (LineField f : kind.fields()) {
      String text;
      String hemisphere = null;
      if (f.index() >= 0) {
        text = f.index() < parts.length ? parts[f.index()] : null;
        if (f.hemisphereIndex() >= 0) {
          hemisphere = f.hemisphereIndex() < parts.length ? parts[f.hemisphereIndex()] : "";
        }
      } else {
        text = found ? m.group(f.group()) : null;
        if (f.hemisphereGroup() != null) {
          hemisphere =
              found && m.group(f.hemisphereGroup()) != null ? m.group(f.hemisphereGroup()) : "";
        }
      }
      out.add(value(f, text, hemisphere));
    }
    return out;
  }

  private static PointReading value(LineField f, String text, String hemisphere) {
    if (text == null) {
      return PointReading.failed(
          f.name(), f.unit(), f.index() >= 0 ? "no field " + f.index() : "no group " + f.group());
    }
    String t = text.trim();
    if (t.isEmpty() && f.type() != AsciiLineSpec.FieldType.STRING) {
      return PointReading.failed(f.name(), f.unit(), "no value");
    }
    try {
      return switch (f.type()) {
        case STRING -> PointReading.of(f.name(), text, f.unit(), false);
        case BOOL -> PointReading.of(f.name(), t.equals(f.trueValue()), f.unit(), false);
        case INT64 ->
            Values.integer(
                f.name(),
                f.unit(),
                Long.parseLong(t.startsWith("+") ? t.substring(1) : t),
                f.scale(),
                f.offset(),
                f.min(),
                f.max());
        case FLOAT64 -> decimal(f, new BigDecimal(t));
        case DEGREES_MINUTES -> degrees(f, t, hemisphere);
      };
    } catch (NumberFormatException e) {
      return PointReading.failed(f.name(), f.unit(), "not a number: " + shown(t));
    }
  }

  private static PointReading decimal(LineField f, BigDecimal raw) {
    double v =
        f.scaled()
            ? raw.multiply(BigDecimal.valueOf(f.scale()))
                .add(BigDecimal.valueOf(f.offset()))
                .doubleValue()
            : raw.doubleValue();
    if (!Double.isFinite(v)) {
      return PointReading.failed(f.name(), f.unit(), "not a number");
    }
    return PointReading.of(f.name(), v, f.unit(), !f.inRange(v));
  }

  /** {@code dddmm.mmmm} and a hemisphere: S and W are negative. Rounded to 1e-7 deg (~1 cm). */
  private static PointReading degrees(LineField f, String t, String hemisphere) {
    BigDecimal raw = new BigDecimal(t);
    if (raw.signum() < 0) {
      return PointReading.failed(f.name(), f.unit(), "negative degrees-minutes: " + shown(t));
    }
    BigDecimal degrees = raw.movePointLeft(2).setScale(0, java.math.RoundingMode.DOWN);
    BigDecimal minutes = raw.subtract(degrees.movePointRight(2));
    if (minutes.compareTo(BigDecimal.valueOf(60)) >= 0) {
      return PointReading.failed(f.name(), f.unit(), "minutes of 60 or more: " + shown(t));
    }
    double v =
        degrees
            .add(minutes.divide(BigDecimal.valueOf(60), 7, java.math.RoundingMode.HALF_EVEN))
            .doubleValue();
    if (hemisphere != null) {
      switch (hemisphere.trim()) {
        case "N", "E" -> {}
        case "S", "W" -> v = -v;
        case "" -> {
          return PointReading.failed(f.name(), f.unit(), "no hemisphere");
        }
        default -> {
          return PointReading.failed(f.name(), f.unit(), "hemisphere " + shown(hemisphere));
        }
      }
    }
    return decimal(f, BigDecimal.valueOf(v));
  }
}
