package cn.yichang.edge.profile;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A device that talks in lines of text ({@code protocol: ascii-line}): answers a poll command with
 * a line, or streams lines by itself (an NMEA GNSS receiver).
 *
 * @param command sent each poll (escapes resolved, one char per byte), or null when the device
 *     streams by itself
 * @param terminator what ends a line (one char per byte)
 * @param maxLength the longest line accepted, terminator excluded; a longer one is dropped
 * @param timeout polled: how long the answer may take; streaming: how long a silent device keeps
 *     its last values before they are reported as {@code timeout}
 * @param checksum how a line's checksum is checked (and stripped before its fields are read)
 * @param delimiter what separates the fields read by {@code index}
 * @param lines the kinds of line the device sends, each with its fields
 */
public record AsciiLineSpec(
    String command,
    String terminator,
    int maxLength,
    Duration timeout,
    LineChecksum checksum,
    String delimiter,
    List<LineKind> lines)
    implements ProtocolSpec {

  public AsciiLineSpec {
    lines = List.copyOf(lines);
  }

  public enum LineChecksum {
    NONE,
    /** NMEA 0183: {@code $...*hh}, the XOR of the characters between {@code $} and {@code *}. */
    NMEA
  }

  public enum FieldType {
    INT64,
    FLOAT64,
    BOOL,
    STRING,
    /** NMEA's latitude and longitude, {@code dddmm.mmmm}, reported in decimal degrees. */
    DEGREES_MINUTES
  }

  /**
   * One kind of line and what is read from it.
   *
   * @param match a line is of this kind when the pattern is found in it (null: every line); its
   *     named groups are the fields read by {@code group}
   */
  public record LineKind(Pattern match, List<LineField> fields, int line) {
    public LineKind {
      fields = List.copyOf(fields);
    }

    public boolean accepts(String text) {
      return match == null || match.matcher(text).find();
    }
  }

  /**
   * One value of a line: the {@code index}-th field (0-based) when split by the delimiter, or the
   * named {@code group} of the line kind's pattern.
   *
   * @param index the field's position, or -1 when read from a group
   * @param group the group's name, or null when read by index
   * @param hemisphereIndex for degrees-minutes read by index, the field holding N/S/E/W, or -1
   * @param hemisphereGroup for degrees-minutes read from a group, the group holding N/S/E/W, or
   *     null
   * @param trueValue for a bool, the text that means true (any other text is false)
   */
  public record LineField(
      String name,
      int index,
      String group,
      FieldType type,
      int hemisphereIndex,
      String hemisphereGroup,
      String trueValue,
      double scale,
      double offset,
      String unit,
      Double min,
      Double max,
      int line) {

    public boolean scaled() {
      return scale != 1.0 || offset != 0.0;
    }

    public boolean inRange(double value) {
      return (min == null || value >= min) && (max == null || value <= max);
    }
  }

  @Override
  public List<String> pointNames() {
    return lines.stream().flatMap(k -> k.fields().stream()).map(LineField::name).toList();
  }

  @Override
  public boolean streams() {
    return command == null;
  }

  @Override
  public List<UnitUse> units() {
    return lines.stream()
        .flatMap(k -> k.fields().stream())
        .filter(f -> f.unit() != null)
        .map(f -> new UnitUse(f.name(), f.unit(), f.line()))
        .toList();
  }
}
