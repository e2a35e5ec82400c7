package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.gpio.internal.pins.Pi4jInputs;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.profile.GpioSpec.Pull;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input logic driven through Pi4J's mock provider, on manual time: contacts bounce with edges 1
 * ms apart, and each test asserts exactly the reading sets a person would expect.
 */
class GpioDeviceTest {
  private static final int PIN = 17;

  private final ManualClockwork clock = new ManualClockwork();
  private final RecordingPublisher published = new RecordingPublisher();
  private final Pi4jInputs inputs = Pi4jInputs.mock();

  @TempDir Path dir;

  @AfterEach
  void close() {
    inputs.close();
  }

  @Test
  void aBouncingDoorContactOpensAndClosesOnceEach() {
    // reed contact: high = open, pull-up, 50 ms debounce; the door is shut (low) at start
    inputs.drive(PIN, false);
    GpioDevice door = start(spec(Kind.STATE, "open", true, Pull.UP, 50, 0, 0), Pull.UP);

    bounce(1_000, true); // edges at 1000..1004 ms, settles high at 1004
    glitch(3_000, false, 20); // 20 ms low: shorter than the debounce
    bounce(5_000, false); // shut again: settles low at 5004
    clock.advanceTo(Duration.ofSeconds(8));

    assertThat(published.described()).containsExactly("+1054 open=true", "+5054 open=false");
  }

  @Test
  void aPollReportsTheStateWithoutAChange() {
    inputs.drive(PIN, true);
    GpioDevice pir = start(spec(Kind.STATE, "motion", true, Pull.DOWN, 100, 0, 0), Pull.DOWN);
    clock.advanceTo(Duration.ofSeconds(10));
    pir.poll();
    assertThat(published.described()).containsExactly("+10000 motion=true");
  }

  @Test
  void aCarParkingSlowlyOccupiesTheBayOnceAndLeavesItOnce() {
    // active low, pull-up, 50 ms debounce, occupied after 3 s, free after 10 s; empty at start
    GpioDevice bay =
        start(spec(Kind.OCCUPANCY, "occupied", false, Pull.UP, 50, 3_000, 10_000), Pull.UP);

    bounce(10_000, false); // the car arrives: settles at 10004
    bounce(11_000, true); // backs out to straighten up ...
    bounce(12_000, false); // ... and in again, for good at 12004
    glitch(40_000, true, 10); // a 10 ms dropout of the detector
    bounce(70_000, true); // leaves at 70004
    clock.advanceTo(Duration.ofSeconds(90));

    assertThat(published.described())
        .containsExactly(
            "+15004 occupied=true, occupied_since=12004ms",
            "+80004 occupied=false, occupied_since=70004ms");
    bay.poll();
    assertThat(published.described())
        .last()
        .isEqualTo("+90000 occupied=false, occupied_since=70004ms");
  }

  @Test
  void aCarThatLeavesBeforeTheHoldOffNeverOccupiesTheBay() {
    start(spec(Kind.OCCUPANCY, "occupied", false, Pull.UP, 50, 3_000, 10_000), Pull.UP);
    bounce(10_000, false);
    bounce(12_000, true); // gone after 2 s: a car passing, not parking
    clock.advanceTo(Duration.ofSeconds(60));
    assertThat(published.sets).isEmpty();
  }

  @Test
  void anSosPressedTwiceIn300msRaisesOneAlarmThatStaysUntilReset() {
    // active low, 30 ms debounce; two presses of 100 ms within 300 ms, each bouncing
    GpioDevice sos = start(spec(Kind.ALARM, "sos", false, Pull.UP, 30, 0, 0), Pull.UP);

    press(5_000, 100);
    press(5_200, 100);
    clock.advanceTo(Duration.ofSeconds(6));
    assertThat(published.described()).containsExactly("!5034 sos=true, sos_events=1");

    sos.poll(); // latched, and both presses counted
    assertThat(published.described()).last().isEqualTo("+6000 sos=true, sos_events=2");

    clock.advanceTo(Duration.ofSeconds(30));
    assertThat(sos.acknowledge()).isTrue();
    assertThat(sos.acknowledge()).isFalse();
    press(40_000, 100);
    clock.advanceTo(Duration.ofSeconds(41));

    assertThat(published.described())
        .containsExactly(
            "!5034 sos=true, sos_events=1",
            "+6000 sos=true, sos_events=2",
            "!30000 sos=false, sos_events=2",
            "!40034 sos=true, sos_events=3");
  }

  @Test
  void anAlarmInputActiveAtStartRaisesTheAlarm() {
    inputs.drive(PIN, false); // the cord is pulled while the gateway starts
    start(spec(Kind.ALARM, "sos", false, Pull.UP, 30, 0, 0), Pull.UP);
    assertThat(published.described()).containsExactly("!0 sos=true, sos_events=1");
  }

  @Test
  void aRainGaugeCountsEachBouncingTipOnce() {
    // 0.2 mm per tip, active low, 10 ms debounce; 25 tips of 100 ms, one every 2 s
    CounterFiles counts = new CounterFiles(dir);
    GpioDevice gauge = start(spec(Kind.COUNTER, "rain", false, Pull.UP, 10, 0, 0), Pull.UP, counts);
    for (int i = 0; i < 25; i++) {
      press(1_000 + i * 2_000, 100);
    }
    clock.advanceTo(Duration.ofSeconds(60));
    gauge.poll();
    // 25 tips x 0.2 mm in one minute = 5 mm, 300 mm/h over the poll
    assertThat(published.described())
        .containsExactly("+60000 rain=5.0, rain_rate=300.0, rain_pulses=25");

    clock.advanceTo(Duration.ofSeconds(120));
    gauge.poll(); // no rain in the second minute
    assertThat(published.described())
        .last()
        .isEqualTo("+120000 rain=5.0, rain_rate=0.0, rain_pulses=25");
  }

  @Test
  void aCountSurvivesARestartOnceFlushed() {
    CounterFiles counts = new CounterFiles(dir);
    GpioDevice gauge = start(spec(Kind.COUNTER, "rain", false, Pull.UP, 10, 0, 0), Pull.UP, counts);
    for (int i = 0; i < 7; i++) {
      press(1_000 + i * 500, 100);
    }
    clock.advanceTo(Duration.ofSeconds(10));
    counts.flush();
    gauge.close();

    CounterFiles reopened = new CounterFiles(dir);
    GpioDevice again =
        start(spec(Kind.COUNTER, "rain", false, Pull.UP, 10, 0, 0), Pull.UP, reopened);
    press(11_000, 100);
    clock.advanceTo(Duration.ofSeconds(20));
    again.poll();
    assertThat(published.described())
        .last()
        .asString()
        .contains("rain=1.6, ")
        .contains("rain_pulses=8");
  }

  @Test
  void aTotalIsThePulsesTimesPerPulseInDecimal() {
    assertThat(GpioDevice.total(12, 0.2)).isEqualTo(2.4);
    assertThat(GpioDevice.total(3, 0.1)).isEqualTo(0.3);
    assertThat(GpioDevice.total(1_000_001, 10)).isEqualTo(10_000_010.0);
  }

  @Test
  void aPulseIsCountedWhenTheTimerThreadIsTooBusyToConfirmIt() {
    // timers that never fire: the release edge itself must confirm the press it ends
    Clockwork stalled =
        new Clockwork() {
          @Override
          public java.time.Instant now() {
            return clock.now();
          }

          @Override
          public Cancellable schedule(Runnable task, Duration delay) {
            return () -> {};
          }
        };
    CounterFiles counts = new CounterFiles(dir);
    GpioDevice gauge =
        new GpioDevice(
            "dev-1",
            spec(Kind.COUNTER, "rain", false, Pull.UP, 10, 0, 0),
            PIN,
            Pull.UP,
            stalled,
            published,
            counts);
    gauge.start(inputs);
    press(1_000, 100);
    press(2_000, 5); // 5 ms: a bounce, not a tip
    press(3_000, 100);
    clock.advanceTo(Duration.ofSeconds(10));
    gauge.poll();
    assertThat(published.described()).last().asString().contains("rain_pulses=2");
  }

  // ---- helpers

  private GpioDevice start(GpioSpec spec, Pull pull) {
    return start(spec, pull, CounterStore.NONE);
  }

  private GpioDevice start(GpioSpec spec, Pull pull, CounterStore counts) {
    GpioDevice device = new GpioDevice("dev-1", spec, PIN, pull, clock, published, counts);
    device.start(inputs);
    return device;
  }

  private static GpioSpec spec(
      Kind kind, String name, boolean activeHigh, Pull pull, long debounceMs, long occ, long free) {
    return new GpioSpec(
        kind,
        name,
        activeHigh,
        pull,
        Duration.ofMillis(debounceMs),
        Duration.ofMillis(occ),
        Duration.ofMillis(free),
        kind == Kind.COUNTER ? 0.2 : 1.0,
        kind == Kind.COUNTER ? "mm" : null);
  }

  /** A contact moving to {@code level}: edges 1 ms apart from {@code atMs}, settling at +4 ms. */
  private void bounce(long atMs, boolean level) {
    boolean[] edges = {level, !level, level, !level, level};
    for (int i = 0; i < edges.length; i++) {
      edge(atMs + i, edges[i]);
    }
  }

  /** {@code level} for {@code ms} only, then back. */
  private void glitch(long atMs, boolean level, long ms) {
    edge(atMs, level);
    edge(atMs + ms, !level);
  }

  /** An active-low button or reed pressed for {@code ms}, bouncing on press and release. */
  private void press(long atMs, long ms) {
    bounce(atMs, false);
    bounce(atMs + ms, true);
  }

  private void edge(long atMs, boolean high) {
    clock.advanceTo(Duration.ofMillis(atMs));
    inputs.drive(PIN, high);
  }
}
