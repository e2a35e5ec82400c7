package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class ModbusDeviceComponentTest {

  private final Bus bus = mock(Bus.class);
  private final Bus.Attachment attachment = mock(Bus.Attachment.class);
  private final ProfileRepository profiles = mock(ProfileRepository.class);
  private final ReadingPublisher publisher = mock(ReadingPublisher.class);
  private final BundleContext context = mock(BundleContext.class);

  @SuppressWarnings("unchecked")
  private final ServiceRegistration<Asset> registration = mock(ServiceRegistration.class);

  private final DeviceProfile soil =
      TestPoints.profile(
          DeviceProfile.UNLIMITED_GAP,
          Duration.ofMillis(5),
          point("moisture", Table.HOLDING, 0, PointType.UINT16),
          point("temperature", Table.HOLDING, 1, PointType.INT16),
          point("ec", Table.HOLDING, 2, PointType.UINT16));

  ModbusDeviceComponentTest() throws Exception {
    when(bus.id()).thenReturn("rs485-1");
    when(bus.settings()).thenReturn(new LineSettings("/dev/ttyUSB0", 9600, Parity.NONE, 8, 1));
    when(bus.attach(any())).thenReturn(attachment);
    when(profiles.find("agriculture/soil-3in1")).thenReturn(Optional.of(soil));
    when(context.registerService(eq(Asset.class), any(Asset.class), any()))
        .thenReturn(registration);
  }

  @Test
  @SuppressWarnings("unchecked")
  void attachesAPlannedPollerToItsBusAndDetachesOnDeactivate() {
    ModbusDeviceComponent component =
        new ModbusDeviceComponent(bus, profiles, publisher, config("rs485-1", 1, 2_000), context);

    ArgumentCaptor<Asset> asset = ArgumentCaptor.forClass(Asset.class);
    ArgumentCaptor<Dictionary<String, ?>> properties = ArgumentCaptor.forClass(Dictionary.class);
    verify(context).registerService(eq(Asset.class), asset.capture(), properties.capture());
    assertThat(asset.getValue().id()).isEqualTo("soil-01");
    assertThat(asset.getValue().channels())
        .extracting(Asset.Channel::name)
        .containsExactly("moisture", "temperature", "ec");
    assertThat(properties.getValue().get(Asset.DEVICE_ID)).isEqualTo("soil-01");
    ArgumentCaptor<PolledDevice> attached = ArgumentCaptor.forClass(PolledDevice.class);
    verify(bus).attach(attached.capture());
    assertThat(attached.getValue().id()).isEqualTo("soil-01");
    assertThat(attached.getValue().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(component.poller().plan().describe()).isEqualTo("holding 0..2");

    component.deactivate();
    verify(attachment).close();
    verify(registration).unregister();
  }

  @Test
  void namesDeviceAndProfileWhenTheProfileIsMissing() throws Exception {
    when(profiles.find("agriculture/soil-3in1")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> activate("rs485-1", 1, 1000))
        .hasMessage("soil-01: profile agriculture/soil-3in1 not found");
  }

  @Test
  void namesDeviceAndProfileWhenTheProfileIsInvalid() throws Exception {
    Problem problem = new Problem(Path.of("soil-3in1.yaml"), 7, "type", "unknown type int12");
    when(profiles.find("agriculture/soil-3in1")).thenThrow(new ProfileException(List.of(problem)));

    assertThatThrownBy(() -> activate("rs485-1", 1, 1000))
        .hasMessageContaining("soil-01")
        .hasMessageContaining("agriculture/soil-3in1")
        .hasMessageContaining("soil-3in1.yaml:7: type: unknown type int12");
  }

  @Test
  void refusesUnitsOutsideOneTo247AndNonPositiveIntervals() {
    assertThatThrownBy(() -> activate("rs485-1", 0, 1000)).hasMessageContaining("soil-01");
    assertThatThrownBy(() -> activate("rs485-1", 248, 1000)).hasMessageContaining("1..247");
    assertThatThrownBy(() -> activate("rs485-1", 1, 0)).hasMessageContaining("poll interval");
  }

  @Test
  void refusesABusOtherThanTheConfiguredOne() {
    assertThatThrownBy(() -> activate("rs485-2", 1, 1000))
        .hasMessageContaining("rs485-1")
        .hasMessageContaining("rs485-2");
  }

  private void activate(String busId, int unit, long pollMs) {
    new ModbusDeviceComponent(bus, profiles, publisher, config(busId, unit, pollMs), context);
  }

  private static DeviceConfig config(String busId, int unit, long pollMs) {
    DeviceConfig config = mock(DeviceConfig.class);
    when(config.id()).thenReturn("soil-01");
    when(config.profile()).thenReturn("agriculture/soil-3in1");
    when(config.bus()).thenReturn(busId);
    when(config.unit()).thenReturn(unit);
    when(config.poll_ms()).thenReturn(pollMs);
    return config;
  }
}
