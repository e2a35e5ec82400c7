package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.AsciiLineSpec.FieldType;
import cn.yichang.edge.profile.AsciiLineSpec.LineChecksum;
import cn.yichang.edge.profile.AsciiLineSpec.LineField;
import cn.yichang.edge.profile.AsciiLineSpec.LineKind;
import cn.yichang.edge.profile.ProtocolSpec;
import cn.yichang.edge.profile.WordOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the keys of a {@code protocol: ascii-line} profile into an {@link AsciiLineSpec}. */
final class AsciiLineSpecReader implements SpecReader {

  static final String PROTOCOL = "ascii-line";
  static final int DEFAULT_MAX_LENGTH = 256;
  static final int MAX_MAX_LENGTH = 4096;
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Map<String, LineChecksum> CHECKSUMS = SpecNames.of(LineChecksum.values());
  private static final Map<String, FieldType> TYPES = SpecNames.of(FieldType.values());
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  @Override
  public Optional<ProtocolSpec> read(
      MappingReader r, WordOrder profileOrder, PollutantCodes codes) {
    int before = r.problems().size();
    String command = r.string("command").flatMap(v -> escaped(r, "command", v)).orElse(null);
    String terminator =
        r.string("terminator").flatMap(v -> escaped(r, "terminator", v)).orElse("\r\n");
    int maxLength =
        r.integer("max-length", 8, MAX_MAX_LENGTH).orElse((long) DEFAULT_MAX_LENGTH).intValue();
    Duration timeout = r.duration("timeout").orElse(DEFAULT_TIMEOUT);
    LineChecksum checksum = r.choice("checksum", CHECKSUMS).orElse(LineChecksum.NONE);
    String delimiter = r.string("delimiter").flatMap(v -> escaped(r, "delimiter", v)).orElse(",");
    if (command != null && command.isEmpty()) {
      r.problem("command", "must not be empty (leave it out for a device that streams)");
    }
    if (terminator.isEmpty()) {
      r.problem("terminator", "must not be empty");
    }
    if (delimiter.isEmpty()) {
      r.problem("delimiter", "must not be empty");
    }
    if (timeout.isZero()) {
      r.problem("timeout", "must be longer than 0");
    }
    List<LineKind> kinds = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    int count = r.list("lines").size();
    r.eachMapping("lines", k -> kind(k, count, names, codes).ifPresent(kinds::add));
    if (!r.has("lines")) {
      r.problem("lines", "missing (required): the kinds of line the device sends, with fields");
    } else if (count == 0) {
      r.problem("lines", "needs at least one kind of line");
    }
    if (r.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new AsciiLineSpec(command, terminator, maxLength, timeout, checksum, delimiter, kinds));
  }

  private static Optional<String> escaped(MappingReader r, String key, String text) {
    try {
      return Optional.of(Escapes.resolve(text));
    } catch (IllegalArgumentException e) {
      r.problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<LineKind> kind(
      MappingReader k, int kinds, Map<String, Integer> names, PollutantCodes codes) {
    int before = k.problems().size();
    Pattern match = null;
    Optional<String> regex = k.string("match");
    if (regex.isPresent()) {
      try {
        match = Pattern.compile(regex.get());
      } catch (PatternSyntaxException e) {
        k.problem("match", "not a regular expression: " + e.getDescription());
      }
    } else if (kinds > 1) {
      k.problem("match", "missing: with several kinds of line, each needs a pattern to tell it");
    }
    Set<String> groups = new LinkedHashSet<>();
    regex.ifPresent(
        text -> {
          Matcher m = GROUP_NAME.matcher(text);
          while (m.find()) {
            groups.add(m.group(1));
          }
        });
    List<LineField> fields = new ArrayList<>();
    k.eachMapping(
        "fields",
        f -> {
          field(f, groups, codes).ifPresent(fields::add);
          f.string("name")
              .ifPresent(
                  n -> {
                    Integer first = names.putIfAbsent(n, f.line("name"));
                    if (first != null) {
                      f.problem(
                          "name",
                          "duplicate field name \"" + n + "\" (first at line " + first + ")");
                    }
                  });
        });
    if (!k.has("fields")) {
      k.problem("fields", "missing (required)");
    } else if (k.list("fields").isEmpty()) {
      k.problem("fields", "needs at least one field");
    }
    k.finish();
    if (k.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(new LineKind(match, fields, k.line()));
  }

  private Optional<LineField> field(MappingReader f, Set<String> groups, PollutantCodes codes) {
    int before = f.problems().size();
    Optional<String> name = f.requiredString("name");
    Optional<Long> index = f.integer("index", 0, 255);
    Optional<String> group = f.string("group");
    Optional<FieldType> type = f.requiredChoice("type", TYPES);
    boolean byIndex = f.has("index");
    Optional<Long> hemisphereIndex = byIndex ? f.integer("hemisphere", 0, 255) : Optional.empty();
    Optional<String> hemisphereGroup = byIndex ? Optional.empty() : f.string("hemisphere");
    Optional<String> trueValue = f.string("true-value");
    double scale = f.decimal("scale").orElse(1.0);
    double offset = f.decimal("offset").orElse(0.0);
    String unit = f.string("unit").orElse(null);
    Double min = f.decimal("min").orElse(null);
    Double max = f.decimal("max").orElse(null);
    codes.read(f);
    f.string("description");
    f.finish();

    if (byIndex == f.has("group")) {
      f.problem(
          "index", "give either index (the field's position) or group (a named group of match)");
    }
    group.ifPresent(
        g -> {
          if (!groups.contains(g)) {
            f.problem(
                "group",
                "\""
                    + g
                    + "\" is not a named group of this line's match"
                    + (groups.isEmpty()
                        ? " (it has none)"
                        : " (it has " + String.join(", ", groups) + ")"));
          }
        });
    hemisphereGroup.ifPresent(
        g -> {
          if (!groups.contains(g)) {
            f.problem("hemisphere", "\"" + g + "\" is not a named group of this line's match");
          }
        });
    FieldType t = type.orElse(null);
    if (f.has("hemisphere") && t != FieldType.DEGREES_MINUTES) {
      f.problem("hemisphere", "only for type degrees-minutes");
    }
    if (f.has("true-value") && t != FieldType.BOOL) {
      f.problem("true-value", "only for type bool");
    }
    if ((t == FieldType.BOOL || t == FieldType.STRING)) {
      for (String key : List.of("scale", "offset", "min", "max")) {
        if (f.has(key)) {
          f.problem(key, "a " + SpecNames.name(t) + " has no " + key);
        }
      }
    }
    if (scale == 0) {
      f.problem("scale", "must not be 0");
    }
    if (min != null && max != null && min > max) {
      f.problem("min", "min " + min + " is greater than max " + max);
    }
    if (f.problems().size() > before || name.isEmpty() || t == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LineField(
            name.get(),
            index.map(Long::intValue).orElse(-1),
            group.orElse(null),
            t,
            hemisphereIndex.map(Long::intValue).orElse(-1),
            hemisphereGroup.orElse(null),
            trueValue.orElse("1"),
            scale,
            offset,
            unit,
            min,
            max,
            f.line()));
  }
}
