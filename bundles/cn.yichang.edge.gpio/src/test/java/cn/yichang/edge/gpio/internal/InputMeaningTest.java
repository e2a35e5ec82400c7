package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.gpio.InputMeaning;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.profile.yaml.ProfileReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meaning of a level and the installer's prompt, for every shipped GPIO profile. */
class InputMeaningTest {
  private static final Path SHIPPED = Path.of("../../device-profiles");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          elderly-care/sos-button | released  | pressed  | press the button
          buildings/door-contact  | open      | closed   | trigger the sensor (make it read open)
          parking/bay-occupancy   | free      | occupied | trigger the sensor (make it read occupied)
          elderly-care/pir-motion | motion    | no motion | trigger the sensor (make it read motion)
          agriculture/rain-gauge  | at rest   | pulse    | make it pulse (tip the gauge / let water flow)
          water/flow-meter        | at rest   | pulse    | make it pulse (tip the gauge / let water flow)
          """)
  void theShippedProfilesLevelsMeanWhatAPersonSees(
      String id, String high, String low, String promptAtRest) throws Exception {
    GpioSpec spec = ProfileReader.read(SHIPPED.resolve(id + ".yaml"), id).spec(GpioSpec.class);
    InputMeaning meaning = new InputMeaning(spec);

    assertThat(meaning.meaning(true)).isEqualTo(high);
    assertThat(meaning.meaning(false)).isEqualTo(low);
    assertThat(meaning.describe(true)).isEqualTo("high (" + high + ")");
    // the level a resting sensor reads: the inactive one
    assertThat(meaning.prompt(!spec.activeHigh())).isEqualTo(promptAtRest);
  }

  @Test
  void anActiveInputIsAskedToGoBack() {
    InputMeaning sos = new InputMeaning(spec(Kind.ALARM, "sos", false));
    assertThat(sos.prompt(false)).isEqualTo("release the button");

    InputMeaning door = new InputMeaning(spec(Kind.STATE, "open", true));
    assertThat(door.prompt(true)).isEqualTo("trigger the sensor (make it read closed)");
  }

  @Test
  void aStateWithoutAKnownOppositeIsNotItsName() {
    InputMeaning flood = new InputMeaning(spec(Kind.STATE, "flooded", false));
    assertThat(flood.meaning(false)).isEqualTo("flooded");
    assertThat(flood.meaning(true)).isEqualTo("not flooded");
    assertThat(flood.prompt(true)).isEqualTo("trigger the sensor (make it read flooded)");
  }

  @Test
  void theActiveLevelComesFromTheProfileNotTheKind() {
    InputMeaning activeHigh = new InputMeaning(spec(Kind.ALARM, "call", true));
    assertThat(activeHigh.meaning(true)).isEqualTo("pressed");
    assertThat(activeHigh.meaning(false)).isEqualTo("released");
    assertThat(activeHigh.active(true)).isTrue();
  }

  @Test
  void whatToCheckNamesThePinAndThePull() {
    assertThat(InputMeaning.check(5, "up"))
        .isEqualTo("check the wiring, the pull resistor (up) and the pin number (GPIO 5, BCM)");
  }

  private static GpioSpec spec(Kind kind, String name, boolean activeHigh) {
    return new GpioSpec(
        kind,
        name,
        activeHigh,
        Pull.UP,
        Duration.ofMillis(30),
        Duration.ZERO,
        Duration.ZERO,
        0,
        null);
  }
}
