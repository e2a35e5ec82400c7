package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.yaml.Durations;
import cn.yichang.edge.profile.yaml.MappingReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One key of a site section, described once: its type, default and range as the site file says it,
 * and the configuration property it becomes. The site reader reads by it, the provisioning writes
 * the property by it, and a CONF-V1 edit of the property is written back into the site file by it.
 *
 * @param <T> the value as the site reader gives it (a {@link Duration}, a {@link Path}, ...)
 */
final class SiteKey<T> {

  /** What {@link #toSite} gives for a value whose key the site file leaves out. */
  static final Object ABSENT = new Object();

  /** What {@link #toSite} gives for a value sent back as shown (a masked password). */
  static final Object UNCHANGED = new Object();

  /** Reads the key from a mapping, reporting a refused value there; empty when absent. */
  interface Reader<T> {
    Optional<T> read(MappingReader r, String key, boolean required);
  }

  private final String key;
  private final String property;
  private final T defaultValue;
  private final boolean required;
  private final Reader<T> reader;
  private final Function<T, Object> toProperty;
  private final Function<Object, Object> toSite;
  private final Object none;

  private SiteKey(
      String key,
      String property,
      T defaultValue,
      boolean required,
      Reader<T> reader,
      Function<T, Object> toProperty,
      Function<Object, Object> toSite,
      Object none) {
    this.key = key;
    this.property = property;
    this.defaultValue = defaultValue;
    this.required = required;
    this.reader = reader;
    this.toProperty = toProperty;
    this.toSite = toSite;
    this.none = none;
  }

  static SiteKey<String> text(String key, String property, String defaultValue) {
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) -> req ? r.requiredString(k) : r.string(k),
        v -> v,
        v -> String.valueOf(v).isEmpty() && defaultValue == null ? ABSENT : String.valueOf(v),
        "");
  }

  /** A password: what GET shows ({@link SiteEdits#PASSWORD_MASK}), sent back, changes nothing. */
  static SiteKey<String> secret(String key, String property) {
    SiteKey<String> text = text(key, property, "");
    return text.withToSite(
        v ->
            SiteEdits.PASSWORD_MASK.equals(v)
                ? UNCHANGED
                : String.valueOf(v).isEmpty() ? ABSENT : String.valueOf(v));
  }

  /** One of {@code choices}; the property is the choice itself, "" when absent without default. */
  static SiteKey<String> choice(
      String key, String property, String defaultValue, List<String> choices) {
    Map<String, String> map = new LinkedHashMap<>();
    choices.forEach(c -> map.put(c, c));
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) -> req ? r.requiredChoice(k, map) : r.choice(k, map),
        v -> v,
        v -> {
          String s = String.valueOf(v);
          if (s.isEmpty() && defaultValue == null) {
            return ABSENT;
          }
          if (!map.containsKey(s)) {
            throw new IllegalArgumentException(
                "expected one of " + String.join(", ", choices) + ", got " + v);
          }
          return s;
        },
        "");
  }

  /**
   * An integer within {@code min..max}; without a default its absence is the property {@code 0}
   * (and a {@code 0} sent back removes the key, unless 0 is in its range).
   */
  static SiteKey<Integer> integer(
      String key, String property, Integer defaultValue, long min, long max) {
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) ->
            (req ? r.requiredInteger(k, min, max) : r.integer(k, min, max)).map(Long::intValue),
        v -> v,
        v -> {
          long n = number(v, "an integer").longValue();
          // 0 means "none" only where it is no value of the key's own (a unit, not a pin)
          return n == 0 && defaultValue == null && min > 0 ? ABSENT : n;
        },
        0);
  }

  /** A number above {@code above} and at most {@code max}. */
  static SiteKey<Double> decimal(
      String key, String property, double defaultValue, double above, double max) {
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) ->
            r.decimal(k)
                .filter(
                    d -> {
                      boolean ok = d > above && d <= max;
                      if (!ok) {
                        r.problem(
                            k, "must be above " + plain(above) + " and at most " + plain(max));
                      }
                      return ok;
                    }),
        v -> v,
        v -> number(v, "a number").doubleValue(),
        defaultValue);
  }

  static SiteKey<Boolean> bool(String key, String property, boolean defaultValue) {
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) -> r.bool(k),
        v -> v,
        v -> {
          if (v instanceof Boolean b) {
            return b;
          }
          if ("true".equals(v) || "false".equals(v)) {
            return Boolean.valueOf((String) v);
          }
          throw new IllegalArgumentException("expected true or false, got " + v);
        },
        defaultValue);
  }

  /**
   * A duration within {@code min..max} (null: unbounded above), as a property of milliseconds.
   * Without a default its absence is {@code 0}.
   */
  static SiteKey<Duration> millis(
      String key, String property, Duration defaultValue, Duration min, Duration max) {
    return duration(key, property, defaultValue, min, max, Duration.ofMillis(1));
  }

  /** As {@link #millis}, the property in seconds. */
  static SiteKey<Duration> seconds(
      String key, String property, Duration defaultValue, Duration min, Duration max) {
    return duration(key, property, defaultValue, min, max, Duration.ofSeconds(1));
  }

  /** As {@link #millis}, the property in minutes. */
  static SiteKey<Duration> minutes(
      String key, String property, Duration defaultValue, Duration min, Duration max) {
    return duration(key, property, defaultValue, min, max, Duration.ofMinutes(1));
  }

  private static SiteKey<Duration> duration(
      String key, String property, Duration defaultValue, Duration min, Duration max, Duration u) {
    String name = u.toMillis() == 1 ? "milliseconds" : u.toMillis() == 1000 ? "seconds" : "minutes";
    return new SiteKey<>(
        key,
        property,
        defaultValue,
        false,
        (r, k, req) ->
            r.duration(k)
                .filter(
                    d -> {
                      boolean ok = d.compareTo(min) >= 0 && (max == null || d.compareTo(max) <= 0);
                      if (!ok) {
                        r.problem(k, rangeRule(min, max));
                      }
                      return ok;
                    }),
        d -> d == null ? 0L : d.toMillis() / u.toMillis(),
        v -> {
          long n = number(v, "a number of " + name).longValue();
          return n == 0 && defaultValue == null ? ABSENT : Durations.format(u.multipliedBy(n));
        },
        0L);
  }

  /** A file named relative to the site file; absent is the property "". */
  static SiteKey<Path> path(String key, String property) {
    return new SiteKey<>(
        key,
        property,
        null,
        false,
        (r, k, req) ->
            (req ? r.requiredString(k) : r.string(k))
                .map(s -> directoryOf(r).resolve(s).toAbsolutePath().normalize()),
        p -> p == null ? "" : p.toString(),
        v -> String.valueOf(v).isEmpty() ? ABSENT : String.valueOf(v),
        "");
  }

  /** A list of texts, as a multi-valued property. */
  static SiteKey<List<String>> texts(String key, String property) {
    return new SiteKey<>(
        key,
        property,
        List.of(),
        false,
        (r, k, req) -> Optional.of(r.strings(k)),
        v -> v.toArray(String[]::new),
        SiteEdits::texts,
        new String[0]);
  }

  /** The same key, which the site file must give. */
  SiteKey<T> required() {
    return new SiteKey<>(key, property, defaultValue, true, reader, toProperty, toSite, none);
  }

  private SiteKey<T> withToSite(Function<Object, Object> to) {
    return new SiteKey<>(key, property, defaultValue, required, reader, toProperty, to, none);
  }

  /** The key in the site file. */
  String key() {
    return key;
  }

  /** The configuration property it becomes. */
  String property() {
    return property;
  }

  /** What the site file means by leaving the key out; null when it means none. */
  T defaultValue() {
    return defaultValue;
  }

  /** The file's value, checked; the default when absent; empty when refused (reported at r). */
  Optional<T> read(MappingReader r) {
    Optional<T> read = reader.read(r, key, required);
    return read.isPresent() || r.has(key) ? read : Optional.ofNullable(defaultValue);
  }

  /** The file's value or the default, null when neither (a refused value is reported at r). */
  T value(MappingReader r) {
    return read(r).orElse(defaultValue);
  }

  /** The configuration value of a site value; null (no value, no default) is the key's none. */
  Object toProperty(T value) {
    return value == null ? none : toProperty.apply(value);
  }

  /**
   * The site file's value of a configuration value sent by the platform: {@link #ABSENT} to leave
   * the key out, {@link #UNCHANGED} to keep it as it is.
   *
   * @throws IllegalArgumentException when a site file cannot say it (a text for a number)
   */
  Object toSite(Object propertyValue) {
    Objects.requireNonNull(propertyValue);
    return toSite.apply(propertyValue);
  }

  /** "must be between 1ms and 10s", "must be longer than 0" for a positive unbounded one. */
  static String rangeRule(Duration min, Duration max) {
    if (max == null) {
      return min.toMillis() <= 1 ? "must be longer than 0" : "must be " + at(min) + " or longer";
    }
    return "must be between " + at(min) + " and " + at(max);
  }

  /** Seconds stay seconds: MQTT's keep alive limit is 65535s, not 1092m15s. */
  private static String at(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 || ms % 1000 != 0) {
      return Durations.format(d);
    }
    return ms / 1000 + "s";
  }

  private static Number number(Object v, String expected) {
    if (v instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("expected " + expected + ", got " + v);
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static Path directoryOf(MappingReader r) {
    Path parent = r.file().getParent();
    return parent == null ? Path.of("") : parent;
  }

  @Override
  public String toString() {
    return key + " -> " + property;
  }
}
