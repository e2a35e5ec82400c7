package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.profile.GpioSpec.Pull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's trigger check on real time, the mock provider playing an event script. */
class TriggerCheckTest {
  @TempDir Path dir;

  @Test
  void aBouncingPressIsOneDebouncedChangeSeenWithTheTimeItTook() throws Exception {
    Path script = script("events:\n  - {at: 1500ms, pin: 22, set: low, for: 300ms, bounce: 3}\n");
    try (TriggerCheck check = TriggerCheck.open("mock", script, 1.0);
        TriggerCheck.Pin pin = check.open(22, Pull.UP, Duration.ofMillis(30))) {
      assertThat(check.provider()).isEqualTo("mock");
      assertThat(pin.high()).isTrue();

      Optional<TriggerCheck.Change> change = pin.awaitChange(Duration.ofSeconds(10));

      assertThat(change).isPresent();
      assertThat(change.get().high()).isFalse();
      // the press began 1.5 s after the script started, some time after the wait did (opening the
      // pin takes its share: a second at most on a loaded machine)
      assertThat(change.get().after()).isBetween(Duration.ofMillis(300), Duration.ofMillis(5_000));
    }
  }

  @Test
  void bouncesShorterThanTheDebounceAreNoChange() throws Exception {
    // a 10 ms blip on a pin debounced for 100 ms, then nothing
    Path script = script("events:\n  - {at: 100ms, pin: 5, set: low, for: 10ms}\n");
    try (TriggerCheck check = TriggerCheck.open("mock", script, 1.0);
        TriggerCheck.Pin pin = check.open(5, Pull.UP, Duration.ofMillis(100))) {
      long start = System.nanoTime();

      Optional<TriggerCheck.Change> change = pin.awaitChange(Duration.ofSeconds(1));

      assertThat(change).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }
  }

  @Test
  void aPinWithoutScriptRestsAtItsPull() throws Exception {
    try (TriggerCheck check = TriggerCheck.open("mock", null, 1.0);
        TriggerCheck.Pin up = check.open(5, Pull.UP, Duration.ofMillis(10));
        TriggerCheck.Pin down = check.open(6, Pull.DOWN, Duration.ofMillis(10))) {
      assertThat(up.high()).isTrue();
      assertThat(down.high()).isFalse();
      assertThat(up.awaitChange(Duration.ofMillis(200))).isEmpty();
      assertThatThrownBy(() -> check.open(5, Pull.UP, Duration.ZERO))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("GPIO 5");
    }
  }

  @Test
  void aPinClosedCanBeOpenedAgain() throws Exception {
    try (TriggerCheck check = TriggerCheck.open("mock", null, 1.0)) {
      check.open(5, Pull.UP, Duration.ofMillis(10)).close();
      try (TriggerCheck.Pin again = check.open(5, Pull.UP, Duration.ofMillis(10))) {
        assertThat(again.high()).isTrue();
      }
    }
  }

  @Test
  void aScriptIsForTheMockOnlyAndABadOneNamesItsLine() throws Exception {
    Path script = script("events:\n  - {at: 1s, pin: 5, set: sideways}\n");
    assertThatThrownBy(() -> TriggerCheck.open("gpiod", script, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mock provider only");
    assertThatThrownBy(() -> TriggerCheck.open("mock", script, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(script + ":2: ");
    assertThatThrownBy(() -> TriggerCheck.open("wires", null, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown GPIO provider");
  }

  private Path script(String yaml) throws Exception {
    Path file = dir.resolve("script.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
