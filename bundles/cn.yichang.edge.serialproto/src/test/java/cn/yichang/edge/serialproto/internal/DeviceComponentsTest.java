package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.profile.ProfileRepository;
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
    when(profiles.find("elderly-care/gnss-nmea"))
        .thenReturn(Optional.of(Specs.shipped("elderly-care/gnss-nmea")));
    when(profiles.find("elderly-care/mmwave-fall-radar"))
        .thenReturn(Optional.of(Specs.shipped("elderly-care/mmwave-fall-radar")));
  }

  @Test
  void aPolledProfileIsAttachedToItsBusAndDetachedOnDeactivate() {
    FramedDeviceComponent radar =
        new FramedDeviceComponent(
            bus,
            profiles,
            published::add,
            mock(SerialLineFactory.class),
            config("radar-01", "elderly-care/mmwave-fall-radar", "b1"));

    ArgumentCaptor<PolledDevice> attached = ArgumentCaptor.forClass(PolledDevice.class);
    verify(bus).attach(attached.capture());
    assertThat(attached.getValue().id()).isEqualTo("radar-01");
    assertThat(attached.getValue().pollInterval()).isEqualTo(Duration.ofMillis(1500));
    assertThat(radar.device().polled()).isSameAs(attached.getValue());

    radar.deactivate();
    verify(attachment).close();
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
            config("gnss-01", "elderly-care/gnss-nmea", "b1"));
    try {
      line.talk((LineParserTest.GGA + LineParserTest.RMC).getBytes(StandardCharsets.ISO_8859_1));
      await().atMost(Duration.ofSeconds(10)).until(() -> !published.isEmpty());
      assertThat(published.get(0).deviceId()).isEqualTo("gnss-01");
      verify(bus, never()).attach(any());
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
                    config("radar-01", "elderly-care/mmwave-fall-radar", "b1")))
        .hasMessage(
            "radar-01: profile elderly-care/mmwave-fall-radar has protocol framed, not ascii-line");
    assertThatThrownBy(
            () ->
                new FramedDeviceComponent(
                    bus,
                    profiles,
                    published::add,
                    mock(SerialLineFactory.class),
                    config("radar-01", "elderly-care/mmwave-fall-radar", "b2")))
        .hasMessage("radar-01: bound to bus b1 but configured for bus b2");
    assertThatThrownBy(
            () ->
                new FramedDeviceComponent(
                    bus,
                    profiles,
                    published::add,
                    mock(SerialLineFactory.class),
                    config("radar-01", "elderly-care/none", "b1")))
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
