package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mock provider plays on its pins, read from a YAML file named by the site's {@code
 * gpio.script}; times count from the start of the gateway's GPIO:
 *
 * <pre>
 * events:
 *   - {at: 10s, pin: 17, set: low, bounce: 3}        # a car arrives (the contact bounces 3 times)
 *   - {at: 70s, pin: 17, set: high}                  # and leaves
 *   - {at: 5s, pin: 22, set: low, for: 100ms}        # SOS pressed for 100 ms ...
 *   - {at: 5300ms, pin: 22, set: low, for: 100ms}    # ... and again 300 ms later
 *   - {at: 1s, pin: 5, set: low, for: 100ms, repeat: 30, every: 2s}   # 30 rain gauge tips
 * </pre>
 *
 * {@code for} sets the other level back after that long; {@code bounce: N} adds N flips 1 ms apart
 * before each level settles; {@code repeat} with {@code every} plays the event N times. A scale
 * (the site's {@code gpio.script-scale}) multiplies every time but the bounces: the rigs' {@code
 * --short} runs play their scripts at half the times.
 */
record EventScript(List<Step> steps) {

  static final Map<String, Boolean> LEVELS = levels();

  /** One level set on one pin, {@code offset} after the start. */
  record Step(Duration offset, int pin, boolean high) {}

  /**
   * @throws IllegalArgumentException with every problem as {@code FILE:LINE: field: message}, one a
   *     line
   */
  static EventScript read(Path file) {
    return read(file, 1.0);
  }

  /**
   * @param scale what every time of the script ({@code at}, {@code for}, {@code every}) is
   *     multiplied by; bounces stay 1 ms apart
   */
  static EventScript read(Path file, double scale) {
    Problems problems = new Problems();
    List<Step> steps = new ArrayList<>();
    YamlFiles.compose(file, problems)
        .flatMap(root -> MappingReader.of(file, root, "", problems))
        .ifPresent(
            r -> {
              r.eachMapping("events", e -> event(e, steps, scale));
              if (!r.has("events")) {
                r.problem("events", "missing (required)");
              }
              r.finish();
            });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          String.join("\n", problems.inLineOrder().stream().map(Problem::toString).toList()));
    }
    steps.sort(Comparator.comparing(Step::offset));
    return new EventScript(List.copyOf(steps));
  }

  private static void event(MappingReader e, List<Step> steps, double scale) {
    Optional<Duration> at = e.duration("at").map(d -> scaled(d, scale));
    Optional<Long> pin = e.requiredInteger("pin", 0, 1023);
    Optional<Boolean> level = e.requiredChoice("set", LEVELS);
    Optional<Duration> hold = e.duration("for").map(d -> scaled(d, scale));
    int bounce = e.integer("bounce", 0, 100).orElse(0L).intValue();
    int repeat = e.integer("repeat", 1, 100_000).orElse(1L).intValue();
    Optional<Duration> every = e.duration("every").map(d -> scaled(d, scale));
    e.finish();
    if (!e.has("at")) {
      e.problem("at", "missing (required)");
    }
    if (repeat > 1 && every.isEmpty()) {
      e.problem("every", "missing: how far apart the " + repeat + " repeats are");
    }
    Duration settle = Duration.ofMillis(2L * bounce);
    if (hold.isPresent() && hold.get().compareTo(settle) <= 0) {
      e.problem("for", "must be longer than the bounce (" + settle.toMillis() + "ms)");
    }
    Duration longest = hold.orElse(Duration.ZERO).plus(settle);
    if (repeat > 1 && every.isPresent() && every.get().compareTo(longest) <= 0) {
      e.problem("every", "must be longer than one event (" + longest.toMillis() + "ms)");
    }
    if (at.isEmpty() || pin.isEmpty() || level.isEmpty()) {
      return;
    }
    for (int i = 0; i < repeat; i++) {
      Duration start = at.get().plus(every.orElse(Duration.ZERO).multipliedBy(i));
      settle(steps, start, pin.get().intValue(), level.get(), bounce);
      if (hold.isPresent()) {
        settle(steps, start.plus(hold.get()), pin.get().intValue(), !level.get(), bounce);
      }
    }
  }

  /** {@code level}, then {@code bounce} pairs of flips 1 ms apart, ending on {@code level}. */
  private static void settle(List<Step> steps, Duration at, int pin, boolean level, int bounce) {
    for (int i = 0; i <= 2 * bounce; i++) {
      steps.add(new Step(at.plusMillis(i), pin, i % 2 == 0 ? level : !level));
    }
  }

  private static Duration scaled(Duration d, double scale) {
    return Duration.ofNanos(Math.round(d.toNanos() * scale));
  }

  private static Map<String, Boolean> levels() {
    Map<String, Boolean> map = new LinkedHashMap<>();
    map.put("high", true);
    map.put("low", false);
    return map;
  }
}
