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

  /** Readings 1..8 s acquired during an outage (all delivered at 12 s), an alarm at 6 s. */
  private void outageWithAlarm(long alarmReceivedMs) {
    for (int s = 1; s <= 8; s++) {
      Instant at = T0.plusSeconds(s);
      logged.add(new LoggedReading("soil-01", at, false, 1));
      delivered.add(new Platform.Delivery("soil-01", s, at, T0.plusMillis(12_000 + s * 10)));
    }
    Instant alarm = T0.plusMillis(6_500);
    logged.add(new LoggedReading("sos-1", alarm, false, 1, true));
    delivered.add(new Platform.Delivery("sos-1", 9, alarm, T0.plusMillis(alarmReceivedMs)));
  }

  @Test
  void anAlarmAheadOfTheBacklogPasses() {
    outageWithAlarm(12_000);
    RigReport r = report();
    assertThat(r.alarms())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.waiting()).isEqualTo(5); // 1..5 s: more than 1 s before the alarm
              assertThat(a.overtaken()).isZero();
            });
    assertThat(r.failures()).isEmpty();
  }

  @Test
  void anAlarmOvertakenByBufferedReadingsFails() {
    outageWithAlarm(12_045); // after the readings of 1..4 s
    assertThat(report().failures())
        .containsExactly(
            "alarm of sos-1: 4 older reading(s) waiting in the buffer arrived before it");
  }

  @Test
  void theLogLineOfAnAlarmIsRecognised() {
    LoggedReading r =
        LoggedReading.parse(
                "05:15:31.123 INFO  readings - alarm reading room-102-sos at"
                    + " 2026-11-29T05:15:31.119659720Z: sos=true, sos_events=1",
                1)
            .orElseThrow();
    assertThat(r.alarm()).isTrue();
    assertThat(r.device()).isEqualTo("room-102-sos");
    assertThat(
            LoggedReading.parse(
                    "05:15:31 INFO  readings - reading s at 2026-11-29T05:15:31Z: a=1", 1)
                .orElseThrow()
                .alarm())
        .isFalse();
  }
}
