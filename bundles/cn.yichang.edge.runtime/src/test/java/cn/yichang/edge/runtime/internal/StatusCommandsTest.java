package cn.yichang.edge.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCommandsTest {

  @Test
  void uptimeInHoursMinutesSecondsThenDays() {
    assertThat(StatusCommands.format(Duration.ofSeconds(3723))).isEqualTo("01h02m03s");
    assertThat(StatusCommands.format(Duration.ofSeconds(2 * 86400 + 5 * 3600 + 7 * 60)))
        .isEqualTo("2d 05h07m");
  }
}
