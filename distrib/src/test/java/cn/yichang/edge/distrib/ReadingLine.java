package cn.yichang.edge.distrib;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code reading DEVICE at TIME: ...} line of the gateway's log, taken apart. */
record ReadingLine(String device, Map<String, String> values, Map<String, String> errors) {
  private static final Pattern LINE = Pattern.compile("reading (\\S+) at (\\S+): (.*)$");
  private static final Pattern VALUE =
      Pattern.compile("([\\w.-]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^ ,]+)[^,]*(?:, |$)");
  private static final Pattern ERROR = Pattern.compile("([\\w.-]+): ([^,]+)(?:, |$)");

  /** The acquisition time of a reading line. */
  static java.time.Instant acquiredAt(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      throw new IllegalArgumentException("not a reading line: " + line);
    }
    return java.time.Instant.parse(m.group(2));
  }

  static boolean isReading(String line, String device) {
    return line.contains("reading " + device + " at ");
  }

  static ReadingLine parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      throw new IllegalArgumentException("not a reading line: " + line);
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    String rest = m.group(3);
    int at = 0;
    while (at < rest.length()) {
      Matcher v = VALUE.matcher(rest).region(at, rest.length());
      Matcher e = ERROR.matcher(rest).region(at, rest.length());
      if (v.lookingAt()) {
        values.put(v.group(1), v.group(2));
        at = v.end();
      } else if (e.lookingAt()) {
        errors.put(e.group(1), e.group(2));
        at = e.end();
      } else {
        throw new IllegalArgumentException("cannot read point at " + at + " of: " + rest);
      }
    }
    return new ReadingLine(m.group(1), values, errors);
  }
}
