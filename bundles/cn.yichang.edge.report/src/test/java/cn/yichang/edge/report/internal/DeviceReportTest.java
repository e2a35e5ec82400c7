package cn.yichang.edge.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Deadband;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.report.ReportMode;
import cn.yichang.edge.report.ReportPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Polls of one point as tables: seconds since the start, what the poll read ({@code !reason} for a
 * failure, {@code ~} after a value for out of range), and whether it is sent.
 */
class DeviceReportTest {
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  private static final ReportPolicy ON_CHANGE =
      new ReportPolicy(
          ReportMode.ON_CHANGE,
          Duration.ofMinutes(15),
          Map.of("moisture", Deadband.parse("2%"), "ph", Deadband.parse("0.05")));

  private final DeviceReport report = new DeviceReport();

  @Test
  void aSlowDriftIsSentOnceItAddsUpFromTheValueLastSent() {
    play(
        "ph",
        """
        0    7.00  sent
        10   7.02  -
        20   7.04  -
        30   7.06  sent
        40   7.08  -
        50   7.12  sent
        60   7.10  -
        """);
  }

  @Test
  void aRelativeBandIsTakenFromTheValueLastSent() {
    play(
        "moisture",
        """
        0    30.0  sent
        10   30.5  -
        20   30.61 sent
        30   30.0  -
        40   29.9  sent
        """);
  }

  @Test
  void aConstantPointIsSentWhenItsHeartbeatIsDue() {
    play(
        "ph",
        """
        0     7.0  sent
        600   7.0  -
        899   7.0  -
        900   7.0  sent
        1000  7.01 -
        1800  7.01 sent
        """);
  }

  @Test
  void aFailingPointIsSentWhenItStartsFailingAndWhenItRecoversNotOnEveryPoll() {
    play(
        "ph",
        """
        0    7.0       sent
        10   !timeout  sent
        20   !timeout  -
        30   !crc      -
        40   7.0       sent
        50   7.0       -
        """);
  }

  @Test
  void aPointFailingForLongIsRepeatedOnItsHeartbeat() {
    play(
        "ph",
        """
        0     !timeout  sent
        600   !timeout  -
        900   !timeout  sent
        """);
  }

  @Test
  void nanIsAValueLikeAnyOther() {
    play(
        "ph",
        """
        0    7.0  sent
        10   NaN  sent
        20   NaN  -
        30   7.0  sent
        """);
  }

  @Test
  void goingOutOfRangeOrBackIsSentInsideTheBand() {
    play(
        "ph",
        """
        0    7.0    sent
        10   7.01~  sent
        20   7.02~  -
        30   7.03   sent
        """);
  }

  @Test
  void booleansStringsAndIntegersWithoutABandAreSentOnEveryChange() {
    play(
        "door",
        """
        0    true   sent
        10   true   -
        20   false  sent
        """);
    play(
        "state",
        """
        0    'ok'   sent
        10   'ok'   -
        20   'low'  sent
        """);
    play(
        "count",
        """
        0    41#  sent
        10   41#  -
        20   42#  sent
        """);
  }

  @Test
  void aClockSteppedBackStartsTheHeartbeatOver() {
    play(
        "ph",
        """
        1000  7.0  sent
        10    7.0  sent
        20    7.0  -
        """);
  }

  @Test
  void onlyThePointsWorthSendingAreSentWithTheSetsAcquisitionTime() {
    ReadingSet first = set(T0, false, ok("ph", 7.0), ok("orp", 250.0));
    ReadingSet second = set(T0.plusSeconds(10), false, ok("ph", 7.0), ok("orp", 256.0));

    assertThat(sent(first, ON_CHANGE)).contains(first);
    assertThat(sent(second, ON_CHANGE)).contains(set(T0.plusSeconds(10), false, ok("orp", 256.0)));
    assertThat(sent(second, ON_CHANGE)).isEmpty();
  }

  @Test
  void aHeartbeatDueForOnePointSendsEveryPointSoThatTheyFallDueTogether() {
    ReadingSet first = set(T0, false, ok("ph", 7.0), ok("orp", 250.0));
    ReadingSet orpMoved = set(T0.plusSeconds(300), false, ok("ph", 7.0), ok("orp", 260.0));
    ReadingSet phDue = set(T0.plusSeconds(900), false, ok("ph", 7.0), ok("orp", 260.0));
    ReadingSet neither = set(T0.plusSeconds(1200), false, ok("ph", 7.0), ok("orp", 260.0));

    assertThat(sent(first, ON_CHANGE)).contains(first);
    assertThat(sent(orpMoved, ON_CHANGE))
        .contains(set(T0.plusSeconds(300), false, ok("orp", 260.0)));
    assertThat(sent(phDue, ON_CHANGE)).as("ph due, orp with it").contains(phDue);
    assertThat(sent(neither, ON_CHANGE)).as("orp's heartbeat now runs from 900 s").isEmpty();
  }

  @Test
  void everyPollAndAlarmSetsAreSentWhole() {
    ReadingSet set = set(T0, false, ok("ph", 7.0));
    assertThat(sent(set, ON_CHANGE)).contains(set);
    assertThat(sent(set, ReportPolicy.EVERY_POLL)).contains(set);

    ReadingSet alarm = set(T0.plusSeconds(1), true, ok("sos", true));
    assertThat(sent(alarm, ON_CHANGE)).contains(alarm);
    assertThat(sent(alarm, ON_CHANGE)).contains(alarm);
  }

  @Test
  void aDeviceThatStopsAnsweringIsReportedLostOnceWithItsLastGoodTimeInEveryMode() {
    for (ReportPolicy policy : List.of(ON_CHANGE, ReportPolicy.EVERY_POLL)) {
      DeviceReport device = new DeviceReport();
      List<String> seen = new ArrayList<>();
      int[] polls = {0, 10, 20, 30, 40, 50};
      boolean[] answers = {true, true, false, false, true, false};
      for (int i = 0; i < polls.length; i++) {
        Instant at = T0.plusSeconds(polls[i]);
        PointReading ph = answers[i] ? ok("ph", 7.0) : PointReading.failed("ph", null, "timeout");
        PointReading orp =
            answers[i] ? ok("orp", 250.0) : PointReading.failed("orp", null, "timeout");
        device
            .filter(set(at, false, ph, orp), policy)
            .filter(r -> r.lost())
            .ifPresent(
                r ->
                    seen.add(
                        seconds(r.readings().timestamp()) + " since " + seconds(r.lostSince())));
      }
      assertThat(seen).as(policy.mode().key()).containsExactly("20 since 10", "50 since 40");
    }
  }

  @Test
  void aDeviceNeverHeardIsLostSinceNothing() {
    Optional<Report> r =
        report.filter(set(T0, false, PointReading.failed("ph", null, "timeout")), ON_CHANGE);
    assertThat(r).hasValueSatisfying(x -> assertThat(x.lost()).isTrue());
    assertThat(r.get().lostSince()).isNull();
  }

  /** Plays the table's polls of {@code point} and checks each row's verdict. */
  private void play(String point, String table) {
    List<String> verdicts = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String row : table.strip().split("\n")) {
      String[] cells = row.trim().split("\\s+");
      Instant at = T0.plusSeconds(Long.parseLong(cells[0]));
      Optional<ReadingSet> out = sent(set(at, false, reading(point, cells[1])), ON_CHANGE);
      verdicts.add(row.trim() + " -> " + (out.isPresent() ? "sent" : "-"));
      expected.add(row.trim() + " -> " + cells[2]);
      out.ifPresent(s -> assertThat(s.timestamp()).isEqualTo(at));
    }
    assertThat(verdicts).containsExactlyElementsOf(expected);
  }

  private static long seconds(Instant at) {
    return Duration.between(T0, at).toSeconds();
  }

  private Optional<ReadingSet> sent(ReadingSet set, ReportPolicy policy) {
    return report.filter(set, policy).map(Report::readings);
  }

  private static PointReading reading(String point, String cell) {
    if (cell.startsWith("!")) {
      return PointReading.failed(point, null, cell.substring(1));
    }
    boolean outOfRange = cell.endsWith("~");
    String text = outOfRange ? cell.substring(0, cell.length() - 1) : cell;
    Object value;
    if (text.startsWith("'")) {
      value = text.substring(1, text.length() - 1);
    } else if (text.equals("true") || text.equals("false")) {
      value = Boolean.parseBoolean(text);
    } else if (text.endsWith("#")) {
      value = Long.parseLong(text.substring(0, text.length() - 1));
    } else {
      value = Double.parseDouble(text);
    }
    return PointReading.of(point, value, null, outOfRange);
  }

  private static PointReading ok(String point, Object value) {
    return PointReading.of(point, value, null, false);
  }

  private static ReadingSet set(Instant at, boolean alarm, PointReading... points) {
    return new ReadingSet("dev-1", at, List.of(points), alarm);
  }
}
