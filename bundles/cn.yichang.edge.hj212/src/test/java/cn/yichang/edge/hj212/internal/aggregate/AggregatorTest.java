package cn.yichang.edge.hj212.internal.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatorTest {
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 7, 10, 0);

  private final List<ClosedWindow> closed = new ArrayList<>();

  /**
   * A 10-minute window of pH samples as {@code value/flag} (a value of - is no number), and what
   * its 2051 says: avg, min, max (- for none), the count of valid samples and the flag.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          7.0/N 7.2/N 7.4/N           | 7.2 7.0 7.4 3 N
          7.0/N                       | 7.0 7.0 7.0 1 N
          7.0/N -/B 7.4/N             | 7.2 7.0 7.4 2 B
          7.0/N 20/T 7.4/N -/B 30/T   | 7.2 7.0 7.4 2 T
          -/B -/B                     | - - - 0 B
          -/B -/D                     | - - - 0 D
          -/D -/B -/D                 | - - - 0 D
          7.1/M 7.2/M                 | - - - 0 M
          7.1/C 7.3/N                 | 7.3 7.3 7.3 1 C
          -/N 7.0/N                   | 7.0 7.0 7.0 1 D
          -5/N 5/N                    | 0.0 -5.0 5.0 2 N
          """)
  void aWindowsValuesComeFromItsValidSamplesAndItsFlagFromAll(String samples, String expected) {
    Aggregator a = new Aggregator(10);
    int second = 0;
    for (String s : samples.trim().split(" +")) {
      String[] f = s.split("/");
      double v = f[0].equals("-") ? Double.NaN : Double.parseDouble(f[0]);
      a.add(T0.plusSeconds(second += 30), List.of(new Sample("w01001", v, DataFlag.valueOf(f[1]))));
    }
    List<ClosedWindow> due = a.closeDue(T0.plusMinutes(10));
    assertThat(due).extracting(ClosedWindow::kind).containsExactly(WindowKind.MINUTE);
    Aggregate g = due.get(0).aggregates().get(0);
    assertThat(text(g)).isEqualTo(expected);
    assertThat(due.get(0).start()).isEqualTo(T0);
  }

  @Test
  void windowsAreAlignedToTheClockAndCloseWhenASampleOrTheClockPassesTheirEnd() {
    Aggregator a = new Aggregator(10);
    // 10:03 to 11:02, a sample a minute: the 10:00 window holds 10:03..10:09
    for (int m = 3; m < 63; m++) {
      closed.addAll(a.add(T0.plusMinutes(m), List.of(new Sample("w01009", m, DataFlag.N))));
    }
    assertThat(closed)
        .extracting(w -> w.kind() + "@" + w.start().toLocalTime())
        .containsExactly(
            "MINUTE@10:00",
            "MINUTE@10:10",
            "MINUTE@10:20",
            "MINUTE@10:30",
            "MINUTE@10:40",
            "MINUTE@10:50",
            "HOUR@10:00");
    assertThat(text(closed.get(0).aggregates().get(0))).isEqualTo("6.0 3.0 9.0 7 N");
    assertThat(text(closed.get(6).aggregates().get(0))).isEqualTo("31.0 3.0 59.0 57 N");
    assertThat(a.closeDue(T0.plusMinutes(69))).isEmpty();
    assertThat(a.closeDue(T0.plusMinutes(70)))
        .extracting(w -> w.kind() + "@" + w.start().toLocalTime())
        .containsExactly("MINUTE@11:00");
    // closed by the clock: a later sample of that window is late, and left out
    a.add(T0.plusMinutes(69).plusSeconds(59), List.of(new Sample("w01009", 1000, DataFlag.N)));
    assertThat(a.late()).isEqualTo(1);
  }

  @Test
  void theDayEndsAtMidnightAndTheNextDayStartsItsOwnWindows() {
    Aggregator a = new Aggregator(30);
    LocalDateTime evening = LocalDateTime.of(2026, 12, 7, 23, 40);
    a.add(evening, List.of(new Sample("w01010", 12.0, DataFlag.N)));
    a.add(evening.plusMinutes(10), List.of(new Sample("w01010", 14.0, DataFlag.N)));
    List<ClosedWindow> midnight =
        a.add(evening.plusMinutes(21), List.of(new Sample("w01010", 3.0, DataFlag.N)));
    assertThat(midnight)
        .extracting(w -> w.kind() + "@" + w.start() + "=" + text(w.aggregates().get(0)))
        .containsExactly(
            "MINUTE@2026-12-07T23:30=13.0 12.0 14.0 2 N",
            "HOUR@2026-12-07T23:00=13.0 12.0 14.0 2 N",
            "DAY@2026-12-07T00:00=13.0 12.0 14.0 2 N");
    assertThat(a.closeDue(LocalDateTime.of(2026, 12, 9, 0, 0)))
        .extracting(w -> w.kind() + "@" + w.start() + "=" + text(w.aggregates().get(0)))
        .containsExactly(
            "MINUTE@2026-12-08T00:00=3.0 3.0 3.0 1 N",
            "HOUR@2026-12-08T00:00=3.0 3.0 3.0 1 N",
            "DAY@2026-12-08T00:00=3.0 3.0 3.0 1 N");
  }

  @Test
  void aRestartInTheMiddleOfAnHourGivesTheHourFromTheReadingsBeforeAndAfterIt() {
    Aggregator before = new Aggregator(10);
    before.add(T0.plusMinutes(5), List.of(new Sample("w21003", 1.0, DataFlag.N)));
    before.add(T0.plusMinutes(25), List.of(new Sample("w21003", 2.0, DataFlag.N)));
    before.add(T0.plusMinutes(26), List.of(new Sample("w21003", Double.NaN, DataFlag.B)));
    String saved = before.save();

    Aggregator after = Aggregator.load(saved);
    assertThat(after.save()).isEqualTo(saved);
    // down from 10:27 to 10:44: the 10:20 window ends meanwhile, with what came before the stop
    assertThat(after.closeDue(T0.plusMinutes(44)))
        .extracting(
            w -> w.kind() + "@" + w.start().toLocalTime() + "=" + text(w.aggregates().get(0)))
        .containsExactly("MINUTE@10:20=2.0 2.0 2.0 1 B");
    after.add(T0.plusMinutes(45), List.of(new Sample("w21003", 6.0, DataFlag.N)));
    assertThat(after.closeDue(T0.plusMinutes(60)))
        .extracting(
            w -> w.kind() + "@" + w.start().toLocalTime() + "=" + text(w.aggregates().get(0)))
        .containsExactly("MINUTE@10:40=6.0 6.0 6.0 1 N", "HOUR@10:00=3.0 1.0 6.0 3 B");
  }

  @Test
  void aNewMinuteIntervalTakesEffectAtTheEndOfTheOpenWindowWithoutOverlap() {
    Aggregator a = new Aggregator(5);
    a.add(T0.plusMinutes(1), List.of(new Sample("w01001", 7, DataFlag.N)));
    a.minutes(10);
    for (int m = 5; m <= 21; m++) {
      closed.addAll(a.add(T0.plusMinutes(m), List.of(new Sample("w01001", 7, DataFlag.N))));
    }
    assertThat(closed)
        .filteredOn(w -> w.kind() == WindowKind.MINUTE)
        .extracting(w -> w.start().toLocalTime() + "x" + w.aggregates().get(0).valid())
        .containsExactly("10:00x1", "10:05x5", "10:10x10");
    assertThatThrownBy(() -> a.minutes(7)).hasMessageContaining("1, 2, 3, 4, 5, 6, 10");
    assertThat(Aggregator.allowedMinutes(60)).isFalse();
  }

  @Test
  void openWindowsStampedByAWrongClockCanBeDiscarded() {
    Aggregator a = new Aggregator(10);
    LocalDateTime unset = LocalDateTime.of(1970, 1, 1, 0, 3);
    a.add(unset, List.of(new Sample("w01001", 7, DataFlag.N), new Sample("w01009", 8, DataFlag.N)));
    a.add(unset.plusMinutes(1), List.of(new Sample("w01001", 7, DataFlag.N)));
    assertThat(a.discardOpen()).isEqualTo(2);
    assertThat(a.add(T0, List.of(new Sample("w01001", 7, DataFlag.N)))).isEmpty();
    assertThat(a.closeDue(T0.plusDays(1)))
        .extracting(ClosedWindow::start)
        .allMatch(start -> start.getYear() == 2026);
  }

  @Test
  void aSavedStateThatIsNotOursIsRefusedWithItsLine() {
    assertThatThrownBy(() -> Aggregator.load("minutes\t10\nMINUTE\tbad"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> Aggregator.load("hello")).hasMessageContaining("not a saved");
  }

  private static String text(Aggregate g) {
    return g.hasValues()
        ? List.of(g.avg(), g.min(), g.max()).stream()
                .map(v -> String.valueOf(Math.round(v * 1000) / 1000.0))
                .collect(Collectors.joining(" "))
            + " "
            + g.valid()
            + " "
            + g.flag()
        : "- - - 0 " + g.flag();
  }
}
