package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static cn.yichang.edge.modbus.internal.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.modbus.ModbusExceptionResponse;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.Asset.Channel;
import cn.yichang.edge.reading.Asset.ValueType;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ModbusAssetTest {

  private final FakeDevice device = new FakeDevice(7).set(Table.HOLDING, 0, 215, 0xFFFF);
  private final DeviceProfile profile =
      TestPoints.profile(
          DeviceProfile.UNLIMITED_GAP,
          Duration.ofMillis(5),
          writable(point("setpoint", Table.HOLDING, 0, PointType.UINT16, WordOrder.BIG, 0.1, 0)),
          point("raw", Table.HOLDING, 1, PointType.INT16),
          writable(point("relay", Table.COIL, 4, PointType.BOOL)),
          point("u32", Table.INPUT, 2, PointType.UINT32));
  private final List<ReadingSet> published = new ArrayList<>();
  private final Bus bus = mock(Bus.class);
  private final ModbusAsset asset;

  ModbusAssetTest() {
    ModbusDevicePoller poller =
        new ModbusDevicePoller(
            "boiler-01",
            profile,
            7,
            Duration.ofSeconds(10),
            RequestPlanner.plan(profile, device.settings()),
            published::add,
            Clock.systemUTC());
    // The bus runs the exchange on its line: here, at once on the fake device.
    when(bus.exchange(eq("boiler-01"), any()))
        .thenAnswer(
            call -> {
              Bus.Exchange<?> exchange = call.getArgument(1);
              try {
                return CompletableFuture.completedFuture(exchange.run(device));
              } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
              }
            });
    asset = new ModbusAsset(bus, poller);
  }

  @Test
  void listsTheChannelsWithTheirTypesAndWhetherTheyAreWritable() {
    assertThat(asset.channels())
        .containsExactly(
            new Channel("setpoint", ValueType.DOUBLE, true, null, null),
            new Channel("raw", ValueType.INTEGER, false, null, null),
            new Channel("relay", ValueType.BOOLEAN, true, null, null),
            new Channel("u32", ValueType.LONG, false, null, null));
  }

  @Test
  void readsNowThroughTheBusWithoutPublishing() throws Exception {
    ReadingSet set = asset.readNow().get();

    assertThat(set.deviceId()).isEqualTo("boiler-01");
    assertThat(set.points())
        .extracting(PointReading::name, PointReading::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("setpoint", 21.5),
            org.assertj.core.groups.Tuple.tuple("raw", -1L),
            org.assertj.core.groups.Tuple.tuple("relay", false),
            org.assertj.core.groups.Tuple.tuple("u32", 0L));
    assertThat(published).isEmpty();
  }

  @Test
  void writesThroughTheBusAndReadsTheValueBack() throws Exception {
    asset.write("setpoint", 22.5).get();
    asset.write("relay", true).get();

    assertThat(device.value(Table.HOLDING, 0)).isEqualTo(225);
    assertThat(device.value(Table.COIL, 4)).isEqualTo(1);
    assertThat(asset.readNow().get().points().get(0).value()).isEqualTo(22.5);
  }

  @Test
  void refusalsAreMadeBeforeAnythingIsSent() {
    assertThatThrownBy(() -> asset.write("raw", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw is not writable");
    assertThatThrownBy(() -> asset.checkWrite("nope", 1L))
        .hasMessage("unknown channel nope of boiler-01");
    assertThatThrownBy(() -> asset.checkWrite("relay", "on"))
        .hasMessage("relay is a coil: expected true or false, got \"on\"");
    verify(bus, never()).exchange(any(), any());
    assertThat(device.requests()).isEmpty();
  }

  @Test
  void anExceptionResponseFailsTheWrite() {
    device.reject(Table.HOLDING, 0, 3);

    CompletableFuture<Void> write = asset.write("setpoint", 10.0);

    assertThatThrownBy(write::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ModbusExceptionResponse.class)
        .hasMessageContaining("exception 3 (illegal data value)");
  }

  @Test
  void isAnAsset() {
    assertThat(asset).isInstanceOf(Asset.class);
    assertThat(asset.id()).isEqualTo("boiler-01");
  }
}
