package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.gpio.internal.EventScript.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventScriptTest {
  @TempDir Path dir;

  @Test
  void expandsPressesBouncesAndRepeatsInTimeOrder() throws Exception {
    EventScript script =
        read(
            """
            events:
              - {at: 2s, pin: 5, set: low, for: 100ms, repeat: 2, every: 1s}
              - {at: 10s, pin: 17, set: low, bounce: 1}
            """);
    assertThat(script.steps())
        .containsExactly(
            new Step(Duration.ofMillis(2000), 5, false),
            new Step(Duration.ofMillis(2100), 5, true),
            new Step(Duration.ofMillis(3000), 5, false),
            new Step(Duration.ofMillis(3100), 5, true),
            new Step(Duration.ofMillis(10000), 17, false),
            new Step(Duration.ofMillis(10001), 17, true),
            new Step(Duration.ofMillis(10002), 17, false));
  }

  @Test
  void aScaleShortensTheTimesButNotTheBounces() throws Exception {
    Path file = dir.resolve("script.yaml");
    Files.writeString(file, "events:\n  - {at: 10s, pin: 17, set: low, for: 1s, bounce: 1}\n");
    assertThat(EventScript.read(file, 0.5).steps())
        .extracting(s -> s.offset().toMillis())
        .containsExactly(5000L, 5001L, 5002L, 5500L, 5501L, 5502L);
  }

  @Test
  void reportsEveryProblemWithFileAndLine() throws Exception {
    Path file = dir.resolve("script.yaml");
    Files.writeString(
        file,
        """
        events:
          - {pin: 17, set: low}
          - {at: 1s, pin: 17, set: on, repeat: 3}
          - {at: 1s, pin: 17, set: low, colour: red}
        """);
    assertThatThrownBy(() -> EventScript.read(file))
        .hasMessage(
            String.join(
                "\n",
                file + ":2: events[0].at: missing (required)",
                file + ":3: events[1].set: expected one of high, low, got \"on\"",
                file + ":3: events[1].every: missing: how far apart the 3 repeats are",
                file
                    + ":4: events[2].colour: unknown key (known keys here: at, pin, set, for,"
                    + " bounce, repeat, every)"));
  }

  private EventScript read(String yaml) throws Exception {
    Path file = dir.resolve("script.yaml");
    Files.writeString(file, yaml);
    return EventScript.read(file);
  }
}
