package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.profile.ProtocolSpec;
import cn.yichang.edge.profile.WordOrder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code input:} mapping of a {@code protocol: gpio} profile into a {@link GpioSpec}:
 *
 * <pre>
 * input:
 *   kind: occupancy        # state | occupancy | alarm | counter (required)
 *   name: occupied         # base name of the values; default by kind
 *   active: low            # high | low: the level that means occupied, pressed, a pulse (required)
 *   pull: up               # up | down | off, used when the site names none; required: the site must
 *   debounce: 50ms         # a level counts once it has stayed this long (default 20ms)
 *   occupied-after: 3s     # occupancy only: hold-off before occupied (default 0)
 *   free-after: 10s        # occupancy only: hold-off before free (default 0)
 *   per-pulse: 0.2         # counter only (required), with its unit
 *   unit: mm               # counter only (required)
 * </pre>
 */
final class GpioSpecReader implements SpecReader {

  static final String PROTOCOL = "gpio";
  static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(20);
  private static final Duration MAX_DEBOUNCE = Duration.ofSeconds(10);
  private static final Duration MAX_HOLD_OFF = Duration.ofHours(1);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private static final Map<String, Kind> KINDS = names(Kind.values());
  private static final Map<String, Boolean> ACTIVE = active();
  private static final Map<String, Optional<Pull>> PULLS = pulls();

  @Override
  public Optional<ProtocolSpec> read(
      MappingReader profile, WordOrder profileOrder, PollutantCodes codes) {
    Optional<MappingReader> input =
        profile
            .node("input")
            .flatMap(n -> MappingReader.of(profile.file(), n, "input", profile.problems()));
    if (!profile.has("input")) {
      profile.problem("input", "missing (required for protocol gpio): kind, active, pull, ...");
    }
    return input.flatMap(GpioSpecReader::input);
  }

  private static Optional<ProtocolSpec> input(MappingReader r) {
    int before = r.problems().size();
    Optional<Kind> kind = r.requiredChoice("kind", KINDS);
    Optional<String> name = r.string("name");
    Optional<Boolean> activeHigh = r.requiredChoice("active", ACTIVE);
    Optional<Optional<Pull>> pull = r.choice("pull", PULLS);
    Duration debounce = r.duration("debounce").orElse(DEFAULT_DEBOUNCE);
    Optional<Duration> occupiedAfter = r.duration("occupied-after");
    Optional<Duration> freeAfter = r.duration("free-after");
    Optional<Double> perPulse = r.decimal("per-pulse");
    Optional<String> unit = r.string("unit");
    r.string("description");
    r.finish();

    if (!r.has("pull")) {
      r.problem(
          "pull",
          "missing: up, down or off (the default for the site), or required (the site must say)");
    }
    if (debounce.compareTo(MAX_DEBOUNCE) > 0) {
      r.problem("debounce", "must be at most 10s");
    }
    name.filter(n -> !NAME.matcher(n).matches())
        .ifPresent(
            n ->
                r.problem(
                    "name",
                    "\"" + n + "\": lower-case letters, digits and '_', starting with a letter"));
    if (kind.isPresent()) {
      Kind k = kind.get();
      onlyFor(r, k, Kind.OCCUPANCY, "occupied-after", occupiedAfter);
      onlyFor(r, k, Kind.OCCUPANCY, "free-after", freeAfter);
      onlyFor(r, k, Kind.COUNTER, "per-pulse", perPulse);
      onlyFor(r, k, Kind.COUNTER, "unit", unit);
      occupiedAfter
          .filter(d -> d.compareTo(MAX_HOLD_OFF) > 0)
          .ifPresent(d -> r.problem("occupied-after", "must be at most 1h"));
      freeAfter
          .filter(d -> d.compareTo(MAX_HOLD_OFF) > 0)
          .ifPresent(d -> r.problem("free-after", "must be at most 1h"));
      if (k == Kind.COUNTER) {
        if (perPulse.isEmpty() && !r.has("per-pulse")) {
          r.problem("per-pulse", "missing: what one pulse stands for, e.g. 0.2 (with unit: mm)");
        }
        perPulse.filter(v -> v <= 0).ifPresent(v -> r.problem("per-pulse", "must be above 0"));
        if (unit.isEmpty() && !r.has("unit")) {
          r.problem("unit", "missing: the UCUM unit of per-pulse, e.g. mm or L");
        }
      }
    }
    if (r.problems().size() > before || kind.isEmpty() || activeHigh.isEmpty() || pull.isEmpty()) {
      return Optional.empty();
    }
    Kind k = kind.get();
    return Optional.of(
        new GpioSpec(
            k,
            name.orElse(defaultName(k)),
            activeHigh.get(),
            pull.get().orElse(null),
            debounce,
            occupiedAfter.orElse(Duration.ZERO),
            freeAfter.orElse(Duration.ZERO),
            perPulse.orElse(1.0),
            unit.orElse(null)));
  }

  static String defaultName(Kind kind) {
    return switch (kind) {
      case STATE -> "state";
      case OCCUPANCY -> "occupied";
      case ALARM -> "alarm";
      case COUNTER -> "count";
    };
  }

  private static void onlyFor(
      MappingReader r, Kind kind, Kind allowed, String key, Optional<?> value) {
    if (kind != allowed && value.isPresent()) {
      r.problem(key, "only for kind " + lower(allowed));
    }
  }

  private static Map<String, Boolean> active() {
    Map<String, Boolean> map = new LinkedHashMap<>();
    map.put("high", true);
    map.put("low", false);
    return map;
  }

  private static Map<String, Optional<Pull>> pulls() {
    Map<String, Optional<Pull>> map = new LinkedHashMap<>();
    for (Pull p : Pull.values()) {
      map.put(lower(p), Optional.of(p));
    }
    map.put("required", Optional.empty());
    return map;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> Map<String, E> names(E[] values) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E e : values) {
      map.put(lower(e), e);
    }
    return map;
  }
}
