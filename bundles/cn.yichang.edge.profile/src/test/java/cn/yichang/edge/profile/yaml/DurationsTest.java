package cn.yichang.edge.profile.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250", "0ms, 0", "10s, 10000", "5m, 300000", "1h, 3600000", "' 7 s ', 7000"})
  void parses(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "ten s", "1.5s", "-1s", "10 sec", "5d", "ms"})
  void rejects(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration")
        .hasMessageContaining("250ms, 10s, 5m, 1h");
  }

  @ParameterizedTest
  @CsvSource({"250, 250ms", "0, 0ms", "10000, 10s", "90000, 90s", "300000, 5m", "7200000, 2h"})
  void formatsShortestExact(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }
}
