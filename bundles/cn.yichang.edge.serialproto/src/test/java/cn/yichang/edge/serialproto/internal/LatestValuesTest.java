package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.PointReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestValuesTest {

  private static final long S = 1_000_000_000L;
  private final Fields fields = new Fields(List.of("a", "b"), List.of("m", "s"));

  @Test
  void reportsAtMostOncePerIntervalWithTheLatestOfEachField() {
    LatestValues v = new LatestValues(fields, 10 * S, 5 * S, 0);

    assertThat(text(v.message(List.of(PointReading.of("a", 1L, "m", false)), 1 * S)))
        .isEqualTo("a=1 b:no data");
    assertThat(v.message(List.of(PointReading.of("b", 2L, "s", false)), 2 * S)).isNull();
    assertThat(v.message(List.of(PointReading.of("a", 3L, "m", false)), 10 * S)).isNull();
    assertThat(text(v.message(List.of(PointReading.of("b", 4L, "s", false)), 11 * S)))
        .as("a from 10 s is fresh, b just arrived")
        .isEqualTo("a=3 b=4");
  }

  @Test
  void aStaleValueIsATimeoutAndASilentDeviceIsReportedEachInterval() {
    LatestValues v = new LatestValues(fields, 2 * S, 5 * S, 0);
    v.message(
        List.of(PointReading.of("a", 1L, "m", false), PointReading.of("b", 2L, "s", false)), 0);

    assertThat(v.idle(4 * S)).as("not stale yet").isNull();
    assertThat(text(v.idle(6 * S))).isEqualTo("a:timeout b:timeout");
    assertThat(v.idle(7 * S)).as("once per interval").isNull();
    assertThat(text(v.idle(8 * S))).isEqualTo("a:timeout b:timeout");
    assertThat(text(v.message(List.of(PointReading.of("a", 5L, "m", false)), 10 * S)))
        .isEqualTo("a=5 b:timeout");
  }

  @Test
  void aDeviceNeverHeardIsATimeout() {
    LatestValues v = new LatestValues(fields, 1 * S, 3 * S, 0);
    assertThat(v.idle(2 * S)).isNull();
    assertThat(text(v.idle(4 * S))).isEqualTo("a:timeout b:timeout");
  }

  private static String text(List<PointReading> set) {
    return String.join(
        " ",
        set.stream()
            .map(p -> p.ok() ? p.name() + "=" + p.value() : p.name() + ":" + p.error())
            .toList());
  }
}
