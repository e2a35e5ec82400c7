package cn.yichang.edge.rig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss rules of the report, on made-up observations. */
class RigReportTest {

  private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");
  private static final Rig.Device SOIL =
      new Rig.Device("soil-01", "agriculture/soil-3in1", 1, Duration.ofSeconds(1));
  private static final Rig RIG =
      new Rig(
          "t",
          Path.of("t.yaml"),
          "yc-t",
          "yichang",
          List.of(),
          Duration.ofSeconds(20),
          0.5,
          List.of(new Rig.Bus("b1", 9600, "none", 8, 1, List.of(SOIL))),
          List.of());

  private final List<LoggedReading> logged = new ArrayList<>();
  private final List<Platform.Delivery> delivered = new ArrayList<>();
  private final List<Instant> kills = new ArrayList<>();

  private void reading(int second, Long seq) {
    Instant at = T0.plusSeconds(second);
    logged.add(new LoggedReading("soil-01", at, false, 1));
    if (seq != null) {
      delivered.add(new Platform.Delivery("soil-01", seq, at, at.plusMillis(100 + second)));
    }
  }

  private RigReport report() {
    return RigReport.of(
        new Observations(
            RIG,
            false,
            Path.of("."),
            T0,
            T0.plusSeconds(20),
            Duration.ofSeconds(30),
            logged,
            delivered,
            List.of(),
            kills,
            List.of(),
            List.of(),
            new RssSampler.Memory(0, 0, 0, 0),
            List.of(),
            0,
            true,
            1,
            1,
            1));
  }

  @Test
  void everythingArrivedPasses() {
    for (int s = 0; s < 10; s++) {
      reading(s, (long) s + 1);
    }
    delivered.add(delivered.get(3)); // a resend: a duplicate, not a loss
    RigReport r = report();
    assertThat(r.failures()).isEmpty();
    assertThat(r.seq().duplicates()).isEqualTo(1);
    assertThat(r.devices().get(0).received()).isEqualTo(10);
    assertThat(r.all().p50()).isEqualTo(Duration.ofMillis(104)); // nearest rank: the 5th of 10
  }

  @Test
  void aMissingReadingBeforeTheCutoffIsLost() {
    reading(1, 1L);
    reading(2, null);
    reading(3, 2L);
    reading(25, null); // after the cutoff: still in the buffer, not lost
    RigReport r = report();
    assertThat(r.devices().get(0).lost()).isEqualTo(1);
    assertThat(r.devices().get(0).inBuffer()).isEqualTo(1);
    assertThat(r.failures()).containsExactly("soil-01: 1 reading(s) lost");
  }

  @Test
  void aSeqGapFails() {
    reading(1, 1L);
    reading(2, 2L);
    reading(3, 5L);
    assertThat(report().failures()).containsExactly("edge.seq: 2 number(s) missing: 3..4");
  }

  @Test
  void aReadingJustBeforeAKillIsExcused() {
    reading(1, 1L);
    reading(5, null);
    kills.add(T0.plusMillis(5_400));
    RigReport r = report();
    assertThat(r.failures()).isEmpty();
    assertThat(r.devices().get(0).excused()).isEqualTo(1);
  }
}
