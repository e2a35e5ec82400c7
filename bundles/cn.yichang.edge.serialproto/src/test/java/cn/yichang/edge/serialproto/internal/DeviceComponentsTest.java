package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLineFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The two DS components, constructed with {@code new} on mocks. */
class DeviceComponentsTest {

  private static final LineSettings SETTINGS =
      new LineSettings("/dev/ttyS1", 9600, Parity.NONE, 8, 1);

  private final Bus bus = mock(Bus.class);
  private final Bus.Attachment attachment = mock(Bus.Attachment.class);
  private final ProfileRepository profiles = mock(ProfileRepository.class);
  private final List<ReadingSet> published = new CopyOnWriteArrayList<>();

  DeviceComponentsTest() throws Exception {
    when(bus.id()).thenReturn("b1");
    when(bus.settings()).thenReturn(SETTINGS);
    when(bus.attach(any())).thenReturn(attachment);
    when(context.registerService(eq(Asset.class), any(Asset.class), any()))
        .thenReturn(registration);
    when(profiles.find("elderly-care/gnss-nmea"))
        .thenReturn(Optional.of(Specs.shipped("elderly-care/gnss-nmea")));
    when(profiles.find("elderly-care/mmwave-fall-radar"))
        .thenReturn(Optional.of(Specs.shipped("elderly-care/mmwave-fall-radar")));
  }

  private final BundleContext context = mock(BundleContext.class);

  @SuppressWarnings("unchecked")
  private final ServiceRegistration<Asset> registration = mock(ServiceRegistration.class);

  @Test
  void aPolledProfileIsAttachedToItsBusAndDetachedOnDeactivate() {
    FramedDeviceComponent radar =
        new FramedDeviceComponent(
            bus,
            profiles,
            published::add,
            mock(SerialLineFactory.class),
            config("radar-01", "elderly-care/mmwave-fall-radar", "b1"),
            context);

    ArgumentCaptor<PolledDevice> attached = ArgumentCaptor.forClass(PolledDevice.class);
    verify(bus).attach(attached.capture());
    assertThat(attached.getValue().id()).isEqualTo("radar-01");
    assertThat(attached.getValue().pollInterval()).isEqualTo(Duration.ofMillis(1500));
    assertThat(radar.device().polled()).isSameAs(attached.getValue());

    ArgumentCaptor<Asset> asset = ArgumentCaptor.forClass(Asset.class);
    verify(context).registerService(eq(Asset.class), asset.capture(), any());
    assertThat(asset.getValue().id()).isEqualTo("radar-01");
    assertThat(asset.getValue().channels())
        .extracting(Asset.Channel::name, Asset.Channel::type, Asset.Channel::writable)
        .startsWith(
            tuple("presence", Asset.ValueType.BOOLEAN, false),
            tuple("fall", Asset.ValueType.BOOLEAN, false))
        .contains(
            tuple("distance", Asset.ValueType.DOUBLE, false),
            tuple("falls", Asset.ValueType.INTEGER, false));
    assertThatThrownBy(() -> asset.getValue().checkWrite("fall", false))
        .hasMessage(
            "fall of radar-01 is not writable (ascii-line and framed devices are read-only)");
    assertThatThrownBy(() -> asset.getValue().write("nope", 1L))
        .hasMessage("unknown channel nope of radar-01");

    radar.deactivate();
    verify(attachment).close();
    verify(registration).unregister();
  }

  @Test
  void aStreamingProfileOpensTheBusPortItselfAndIsNeverAttached() throws Exception {
    MemoryLine line = new MemoryLine(SETTINGS, req -> null);
    SerialLineFactory lines = mock(SerialLineFactory.class);
    when(lines.open(SETTINGS)).thenReturn(line);
    AsciiLineDeviceComponent gnss =
        new AsciiLineDeviceComponent(
            bus,
            profiles,
            published::add,
            lines,
            config("gnss-01", "elderly-care/gnss-nmea", "b1"),
            context);
    try {
      line.talk((LineParserTest.GGA + LineParserTest.RMC).getBytes(StandardCharsets.ISO_8859_1));
      await().atMost(Duration.ofSeconds(10)).until(() -> !published.isEmpty());
      assertThat(published.get(0).deviceId()).isEqualTo("gnss-01");
      verify(bus, never()).attach(any());
      // a remote read answers the latest values of the stream, without publishing
      ArgumentCaptor<Asset> asset = ArgumentCaptor.forClass(Asset.class);
      verify(context).registerService(eq(Asset.class), asset.capture(), any());
      int sets = published.size();
      ReadingSet now = asset.getValue().readNow().get();
      assertThat(now.deviceId()).isEqualTo("gnss-01");
      assertThat(now.points().get(0).name()).isEqualTo("latitude");
      assertThat(now.points().get(0).ok()).as(now.toString()).isTrue();
      assertThat(asset.getValue().channels().get(0).type()).isEqualTo(Asset.ValueType.DOUBLE);
      assertThat(published).hasSize(sets);
    } finally {
      gnss.deactivate();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> line.closed);
  }

  @Test
  void refusesAProfileOfTheOtherProtocolAndABusMismatch() {
    assertThatThrownBy(
            () ->
                new AsciiLineDeviceComponent(
                    bus,
                    profiles,
                    published::add,
                    mock(SerialLineFactory.class),
                    config("radar-01", "elderly-care/mmwave-fall-radar", "b1"),
                    context))
        .hasMessage(
            "radar-01: profile elderly-care/mmwave-fall-radar has protocol framed, not ascii-line");
    assertThatThrownBy(
            () ->
                new FramedDeviceComponent(
                    bus,
                    profiles,
                    published::add,
                    mock(SerialLineFactory.class),
                    config("radar-01", "elderly-care/mmwave-fall-radar", "b2"),
                    context))
        .hasMessage("radar-01: bound to bus b1 but configured for bus b2");
    assertThatThrownBy(
            () ->
                new FramedDeviceComponent(
                    bus,
                    profiles,
                    published::add,
                    mock(SerialLineFactory.class),
                    config("radar-01", "elderly-care/none", "b1"),
                    context))
        .hasMessage("radar-01: profile elderly-care/none not found");
  }

  private static SerialDeviceConfig config(String id, String profile, String busId) {
    SerialDeviceConfig config = mock(SerialDeviceConfig.class);
    when(config.id()).thenReturn(id);
    when(config.profile()).thenReturn(profile);
    when(config.bus()).thenReturn(busId);
    when(config.poll_ms()).thenReturn(1500L);
    return config;
  }
}
