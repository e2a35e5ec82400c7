package cn.yichang.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void runsUntilStoppedWithAScreenByDefault() throws Exception {
    DemoOptions options = DemoOptions.parse("--home", "/opt/sanxia-edge");
    assertThat(options.home()).isEqualTo(Path.of("/opt/sanxia-edge"));
    assertThat(options.duration()).isEmpty();
    assertThat(options.plain()).isFalse();
  }

  @Test
  void secondsAndPlain() throws Exception {
    DemoOptions options = DemoOptions.parse("--home", "h", "--seconds", "8", "--plain");
    assertThat(options.duration()).contains(Duration.ofSeconds(8));
    assertThat(options.plain()).isTrue();
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThatThrownBy(() -> DemoOptions.parse("--seconds", "8")).hasMessageContaining("--home");
    assertThatThrownBy(() -> DemoOptions.parse("--home", "h", "--seconds", "0"))
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> DemoOptions.parse("--home", "h", "--seconds"))
        .hasMessageContaining("wants a value");
    assertThatThrownBy(() -> DemoOptions.parse("--home", "h", "--colour"))
        .hasMessageContaining("unknown argument: --colour");
  }
}
