package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.bit;
import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device with three tables and so three requests: holding 0..1, input 8..9, coil 0..0. The
 * profile lists them out of table order, to check that readings come back in profile order.
 */
class ModbusDevicePollerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private final Point temperature = point("temperature", Table.INPUT, 8, PointType.FLOAT32);
  private final Point ph = point("ph", Table.HOLDING, 0, PointType.UINT16);
  private final Point orp = point("orp", Table.HOLDING, 1, PointType.INT16);
  private final Point pump = bit("pump", Table.COIL, 0, -1);
  private final DeviceProfile profile =
      TestPoints.profile(
          DeviceProfile.UNLIMITED_GAP, Duration.ofMillis(5), temperature, ph, orp, pump);

  private final FakeDevice device =
      new FakeDevice(3)
          .set(Table.HOLDING, 0, 700, 0xFF9C)
          .set(Table.INPUT, 8, 0x41BC, 0x0000)
          .set(Table.COIL, 0, 1);
  private final List<ReadingSet> published = new ArrayList<>();
  private final ModbusDevicePoller poller = poller(profile);

  @Test
  void publishesOneReadingPerPointInProfileOrder() throws Exception {
    boolean answered = poller.poll(device);

    assertThat(answered).isTrue();
    assertThat(published).hasSize(1);
    ReadingSet set = published.get(0);
    assertThat(set.deviceId()).isEqualTo("ph-01");
    assertThat(set.timestamp()).isEqualTo(NOW);
    assertThat(set.points())
        .extracting(PointReading::name, PointReading::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("temperature", 23.5),
            org.assertj.core.groups.Tuple.tuple("ph", 700L),
            org.assertj.core.groups.Tuple.tuple("orp", -100L),
            org.assertj.core.groups.Tuple.tuple("pump", true));
    assertThat(device.requests()).hasSize(3);
  }

  @Test
  void aTimeoutSkipsTheRestOfThePoll() throws Exception {
    device.silentFrom(1); // answers holding, then falls silent on input

    boolean answered = poller.poll(device);

    assertThat(answered).isTrue();
    assertThat(device.requests()).hasSize(2);
    assertThat(reasons())
        .containsExactly("temperature=timeout", "ph=700", "orp=-100", "pump=timeout");
  }

  @Test
  void aDeviceThatNeverAnswersCostsOneTimeoutAndReportsFalse() throws Exception {
    device.silentFrom(0);

    assertThat(poller.poll(device)).isFalse();
    assertThat(device.requests()).hasSize(1);
    assertThat(published).hasSize(1);
    assertThat(published.get(0).points()).allMatch(p -> "timeout".equals(p.error()));
  }

  @Test
  void anExceptionResponseFailsOnlyItsOwnRequest() throws Exception {
    device.reject(Table.INPUT, 9, 2);

    assertThat(poller.poll(device)).isTrue();
    assertThat(device.requests()).hasSize(3);
    assertThat(reasons())
        .containsExactly(
            "temperature=exception 2 (illegal data address)", "ph=700", "orp=-100", "pump=true");
  }

  @Test
  void refusalsAloneStillCountAsAnAnswer() throws Exception {
    device.reject(Table.HOLDING, 0, 2).reject(Table.INPUT, 8, 2).reject(Table.COIL, 0, 1);

    assertThat(poller.poll(device)).isTrue();
    assertThat(published.get(0).complete()).isFalse();
  }

  @Test
  void aCorruptFrameFailsItsRequestAndIsNoAnswer() throws Exception {
    device.garble(Table.HOLDING, 1);

    assertThat(poller.poll(device)).isTrue();
    assertThat(reasons()).contains("ph=crc error", "orp=crc error", "pump=true");

    FakeDevice garbling = new FakeDevice(3).garble(Table.HOLDING, 0).garble(Table.INPUT, 8);
    garbling.garble(Table.COIL, 0);
    assertThat(poller.poll(garbling)).isFalse();
  }

  @Test
  void publishesExactlyOneSetPerPoll() throws Exception {
    poller.poll(device);
    device.silentFrom(3);
    poller.poll(device);
    device.reject(Table.COIL, 0, 4);
    poller.poll(device);

    assertThat(published).hasSize(3);
    assertThat(published).allMatch(s -> s.points().size() == 4);
  }

  @Test
  void aFailingPublisherDoesNotMakeTheDeviceLookSilent() throws Exception {
    ModbusDevicePoller failing =
        new ModbusDevicePoller(
            "ph-01",
            profile,
            3,
            Duration.ofSeconds(10),
            RequestPlanner.plan(profile, device.settings()),
            readings -> {
              throw new IllegalStateException("sink broken");
            },
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(failing.poll(device)).isTrue();
  }

  @Test
  void refusesAProfileOfAnotherProtocol() {
    DeviceProfile tcp =
        new DeviceProfile(
            "x/tcp",
            "X",
            "X",
            "modbus-tcp",
            profile.wordOrder(),
            0,
            Duration.ZERO,
            profile.points(),
            profile.source());

    assertThatThrownBy(() -> poller(tcp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modbus-tcp");
  }

  @Test
  void refusesAPlanMadeForOtherPoints() {
    DeviceProfile other = TestPoints.profile(0, Duration.ZERO, ph);

    assertThatThrownBy(
            () ->
                new ModbusDevicePoller(
                    "ph-01",
                    profile,
                    3,
                    Duration.ofSeconds(1),
                    RequestPlanner.plan(other, device.settings()),
                    published::add,
                    Clock.systemUTC()))
        .hasMessageContaining("does not cover");
  }

  private ModbusDevicePoller poller(DeviceProfile profile) {
    return new ModbusDevicePoller(
        "ph-01",
        profile,
        3,
        Duration.ofSeconds(10),
        RequestPlanner.plan(profile, device.settings()),
        published::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The last set as {@code name=value} or {@code name=reason}. */
  private List<String> reasons() {
    return published.get(published.size() - 1).points().stream()
        .map(p -> p.name() + "=" + (p.ok() ? p.value() : p.error()))
        .toList();
  }
}
