package cn.yichang.edge.profile.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.profile.ProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GpioSpecReaderTest {
  private static final Path SHIPPED = Path.of("../../device-profiles");

  private static final String HEAD =
      """
      id: t/p
      manufacturer: M
      model: X
      protocol: gpio
      input:
      """;

  @TempDir Path dir;

  @Test
  void readsTheShippedBayOccupancyProfile() throws Exception {
    DeviceProfile p =
        ProfileReader.read(SHIPPED.resolve("parking/bay-occupancy.yaml"), "parking/bay-occupancy");

    assertThat(p.protocol()).isEqualTo("gpio");
    assertThat(p.points()).isEmpty();
    GpioSpec spec = p.spec(GpioSpec.class);
    assertThat(spec)
        .isEqualTo(
            new GpioSpec(
                Kind.OCCUPANCY,
                "occupied",
                false,
                Pull.UP,
                Duration.ofMillis(50),
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                1.0,
                null));
    assertThat(spec.pointNames()).containsExactly("occupied", "occupied_since");
  }

  @Test
  void readsACounterAndARequiredPull() throws Exception {
    GpioSpec rain =
        ProfileReader.read(SHIPPED.resolve("agriculture/rain-gauge.yaml"), "agriculture/rain-gauge")
            .spec(GpioSpec.class);
    assertThat(rain.kind()).isEqualTo(Kind.COUNTER);
    assertThat(rain.perPulse()).isEqualTo(0.2);
    assertThat(rain.unit()).isEqualTo("mm");
    assertThat(rain.rateUnit()).isEqualTo("mm/h");
    assertThat(rain.pointNames()).containsExactly("rain", "rain_rate", "rain_pulses");

    GpioSpec sos =
        ProfileReader.read(
                SHIPPED.resolve("elderly-care/sos-button.yaml"), "elderly-care/sos-button")
            .spec(GpioSpec.class);
    assertThat(sos.kind()).isEqualTo(Kind.ALARM);
    assertThat(sos.pullRequired()).isTrue();
    assertThat(sos.pointNames()).containsExactly("sos", "sos_events");
  }

  @Test
  void defaultsNameAndDebounce() throws Exception {
    GpioSpec spec = read(HEAD + "  {kind: state, active: high, pull: off}\n");
    assertThat(spec.name()).isEqualTo("state");
    assertThat(spec.debounce()).isEqualTo(GpioSpecReader.DEFAULT_DEBOUNCE);
    assertThat(spec.pull()).isEqualTo(Pull.OFF);
  }

  static Stream<Arguments> brokenInputs() {
    return Stream.of(
        Arguments.of(
            "no input",
            HEAD.replace("input:\n", ""),
            List.of("1: input: missing (required for protocol gpio): kind, active, pull, ...")),
        Arguments.of(
            "input not a mapping",
            HEAD + "  - a\n",
            List.of("6: input: expected a mapping of keys")),
        Arguments.of(
            "missing kind, active and pull",
            HEAD + "  {name: x}\n",
            List.of(
                "6: input.kind: missing (required)",
                "6: input.active: missing (required)",
                "6: input.pull: missing: up, down or off (the default for the site), or required"
                    + " (the site must say)")),
        Arguments.of(
            "bad kind",
            HEAD + "  kind: switch\n  active: low\n  pull: up\n",
            List.of(
                "6: input.kind: expected one of state, occupancy, alarm, counter, got \"switch\"")),
        Arguments.of(
            "bad active and pull",
            HEAD + "  kind: state\n  active: on\n  pull: sideways\n",
            List.of(
                "7: input.active: expected one of high, low, got \"on\"",
                "8: input.pull: expected one of up, down, off, required, got \"sideways\"")),
        Arguments.of(
            "hold-off on a state",
            HEAD + "  kind: state\n  active: low\n  pull: up\n  free-after: 5s\n",
            List.of("9: input.free-after: only for kind occupancy")),
        Arguments.of(
            "counter without per-pulse and unit",
            HEAD + "  kind: counter\n  active: low\n  pull: up\n",
            List.of(
                "6: input.per-pulse: missing: what one pulse stands for, e.g. 0.2 (with unit: mm)",
                "6: input.unit: missing: the UCUM unit of per-pulse, e.g. mm or L")),
        Arguments.of(
            "negative per-pulse",
            HEAD + "  {kind: counter, active: low, pull: up, per-pulse: -1, unit: L}\n",
            List.of("6: input.per-pulse: must be above 0")),
        Arguments.of(
            "unknown key and bad debounce",
            HEAD + "  kind: alarm\n  active: low\n  pull: required\n  debounce: 1s2\n  latch: no\n",
            List.of(
                "9: input.debounce: \"1s2\" is not a duration: expected " + Durations.FORMAT,
                "10: input.latch: unknown key (known keys here: kind, name, active, pull,"
                    + " debounce, occupied-after, free-after, per-pulse, unit, description)")),
        Arguments.of(
            "bad name",
            HEAD + "  {kind: alarm, name: SOS!, active: low, pull: up}\n",
            List.of(
                "6: input.name: \"SOS!\": lower-case letters, digits and '_', starting with a"
                    + " letter")),
        Arguments.of(
            "points in a gpio profile",
            HEAD + "  {kind: state, active: low, pull: up}\npoints: []\n",
            List.of(
                "7: points: unknown key (known keys here: id, manufacturer, model, description,"
                    + " protocol, word-order, max-gap, turnaround, input, report)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenInputs")
  void reportsTheLineAndFieldOfEachProblem(String name, String yaml, List<String> expected)
      throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> ProfileReader.read(file, "t/p"));
    assertThat(e).as("no problem reported").isNotNull();
    assertThat(e.problems()).allMatch(p -> p.file().equals(file));
    assertThat(e.problems())
        .extracting(p -> p.line() + ": " + p.field() + ": " + p.message())
        .containsExactlyElementsOf(expected);
  }

  private GpioSpec read(String yaml) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    return ProfileReader.read(file, "t/p").spec(GpioSpec.class);
  }
}
