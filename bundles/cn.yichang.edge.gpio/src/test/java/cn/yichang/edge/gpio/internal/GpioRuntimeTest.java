package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.gpio.config.GpioConfigCheck;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingSet;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;

/** The OSGi components on real time, with the mock provider playing an event script. */
class GpioRuntimeTest {
  private static final Path SHIPPED = Path.of("../../device-profiles");

  @TempDir Path dir;

  private final RecordingPublisher published = new RecordingPublisher();
  private final BundleContext context = mock(BundleContext.class);

  @SuppressWarnings("unchecked")
  private final ServiceRegistration<Asset> registration = mock(ServiceRegistration.class);

  GpioRuntimeTest() {
    when(context.registerService(eq(Asset.class), any(Asset.class), any()))
        .thenReturn(registration);
  }

  @Test
  void anSosPressedTwiceIn300msByTheScriptRaisesOneAlarmUntilAck() throws Exception {
    Path script = dir.resolve("care.yaml");
    Files.writeString(
        script,
        """
        events:
          - {at: 1s, pin: 22, set: low, for: 100ms, bounce: 3}
          - {at: 1300ms, pin: 22, set: low, for: 100ms, bounce: 3}
        """);
    GpioRuntime runtime =
        new GpioRuntime(TestGpioConfig.mock(script.toString(), ""), dir.toString());
    try {
      GpioDeviceComponent sos =
          new GpioDeviceComponent(
              runtime,
              profiles(),
              published,
              device("room-101-sos", "elderly-care/sos-button", 22, "up"),
              context);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> runtime.status().get(0).values().contains("sos_events=2"));

      assertThat(published.sets)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.alarm()).isTrue();
                assertThat(s.points().get(0).value()).isEqualTo(true);
              });
      assertThat(runtime.latched()).containsExactly("room-101-sos");
      GpioCommands commands = new GpioCommands(runtime);
      assertThat(commands.gpio()).contains("room-101-sos").contains("sos=true, sos_events=2");
      assertThat(commands.ack("room-101-sos")).isEqualTo("room-101-sos: alarm reset");
      assertThat(commands.ack("room-101-sos"))
          .isEqualTo("room-101-sos: no latched alarm (latched now: none)");
      assertThat(published.sets).hasSize(2).last().extracting(ReadingSet::alarm).isEqualTo(true);
      sos.deactivate();
    } finally {
      runtime.deactivate();
    }
  }

  @Test
  void theAlarmIsReadAndAcknowledgedRemotelyThroughItsAsset() throws Exception {
    Path script = dir.resolve("care.yaml");
    Files.writeString(script, "events:\n  - {at: 1s, pin: 22, set: low, for: 100ms, bounce: 3}\n");
    GpioRuntime runtime =
        new GpioRuntime(TestGpioConfig.mock(script.toString(), ""), dir.toString());
    try {
      GpioDeviceComponent sos =
          new GpioDeviceComponent(
              runtime,
              profiles(),
              published,
              device("room-101-sos", "elderly-care/sos-button", 22, "up"),
              context);
      ArgumentCaptor<Asset> registered = ArgumentCaptor.forClass(Asset.class);
      verify(context).registerService(eq(Asset.class), registered.capture(), any());
      Asset asset = registered.getValue();
      assertThat(asset.channels())
          .containsExactly(
              new Asset.Channel("sos", Asset.ValueType.BOOLEAN, true, null, null),
              new Asset.Channel("sos_events", Asset.ValueType.LONG, false, null, null));
      assertThat(asset.readNow().get().points().get(0).value()).isEqualTo(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.latched().isEmpty());
      assertThat(asset.readNow().get().points())
          .extracting(p -> p.value())
          .containsExactly(true, 1L);
      int publishedBefore = published.sets.size();

      assertThatThrownBy(() -> asset.write("sos", true))
          .hasMessage(
              "sos is an alarm: only false (acknowledge) can be written, an alarm is raised by its"
                  + " input");
      assertThatThrownBy(() -> asset.checkWrite("sos_events", 0L))
          .hasMessage("sos_events of room-101-sos is not writable");
      assertThat(runtime.latched()).containsExactly("room-101-sos");
      asset.write("sos", false).get();

      assertThat(runtime.latched()).isEmpty();
      assertThat(asset.readNow().get().points().get(0).value()).isEqualTo(false);
      // the reset is published at alarm priority, the reads published nothing
      assertThat(published.sets)
          .hasSize(publishedBefore + 1)
          .last()
          .extracting(ReadingSet::alarm)
          .isEqualTo(true);
      sos.deactivate();
      verify(registration).unregister();
    } finally {
      runtime.deactivate();
    }
  }

  @Test
  void countsAreWrittenToTheStateDirectoryWithinTheFlushInterval() throws Exception {
    Path script = dir.resolve("rain.yaml");
    Files.writeString(
        script, "events:\n  - {at: 1s, pin: 5, set: low, for: 50ms, repeat: 4, every: 100ms}\n");
    GpioRuntime runtime =
        new GpioRuntime(TestGpioConfig.mock(script.toString(), ""), dir.toString());
    try {
      new GpioDeviceComponent(
          runtime,
          profiles(),
          published,
          device("rain-01", "agriculture/rain-gauge", 5, ""),
          context);
      Path file = dir.resolve("gpio/rain-01.count");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.exists(file) && Files.readString(file).equals("pulses=4\n"));
    } finally {
      runtime.deactivate();
    }
  }

  @Test
  void aProfileThatNeedsAPullRefusesADeviceWithout() throws Exception {
    GpioRuntime runtime = new GpioRuntime(TestGpioConfig.mock("", ""), dir.toString());
    try {
      assertThatThrownBy(
              () ->
                  new GpioDeviceComponent(
                      runtime,
                      profiles(),
                      published,
                      device("sos-1", "elderly-care/sos-button", 22, ""),
                      context))
          .hasMessage("sos-1: the profile needs the site to name the pin's pull (up, down or off)");
      assertThatThrownBy(
              () ->
                  new GpioDeviceComponent(
                      runtime,
                      profiles(),
                      published,
                      device("soil", "agriculture/soil-3in1", 3, "up"),
                      context))
          .hasMessage("soil: profile agriculture/soil-3in1 is modbus-rtu, not gpio");
    } finally {
      runtime.deactivate();
    }
  }

  @Test
  void aScriptNeedsTheMockProvider() {
    assertThatThrownBy(
            () ->
                new GpioRuntime(
                    new TestGpioConfig("gpiod", "x.yaml", 1.0, "", 100), dir.toString()))
        .hasMessageContaining("mock provider only");
  }

  /**
   * The site file only checks that the script exists; its contents were read at activation alone,
   * so validate accepted a script the runtime refused. The check validate runs reads it the same.
   */
  @Test
  void aBrokenScriptIsRefusedNamingTheScriptKeyByTheRuntimeAndItsCheck() throws Exception {
    Path script = dir.resolve("broken.yaml");
    Files.writeString(script, "events:\n  - {at: soon, pin: 22, set: low}\n");
    TestGpioConfig config = TestGpioConfig.mock(script.toString(), "");

    assertThatThrownBy(() -> GpioConfigCheck.check(config))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.getProperty()).isEqualTo("script"))
        .hasMessageContaining(script + ":2: events[0].at: ");
    assertThatThrownBy(() -> new GpioRuntime(config, dir.toString()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(script + ":2: events[0].at: ");
  }

  private static ProfileRepository profiles() {
    return id -> {
      Path file = SHIPPED.resolve(id + ".yaml");
      return Files.exists(file) ? Optional.of(ProfileReader.read(file, id)) : Optional.empty();
    };
  }

  static GpioSpec spec(DeviceProfile p) {
    return p.spec(GpioSpec.class);
  }

  private static GpioDeviceConfig device(String id, String profile, int pin, String pull) {
    return new GpioDeviceConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return GpioDeviceConfig.class;
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public String profile() {
        return profile;
      }

      @Override
      public int pin() {
        return pin;
      }

      @Override
      public String pull() {
        return pull;
      }

      @Override
      public long poll_ms() {
        return 60_000;
      }
    };
  }
}
