package cn.yichang.edge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.PointResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commission's GPIO part on the mock provider, an event script playing the installer. */
class GpioCommissioningTest {

  private static final Path SHIPPED = Path.of("../device-profiles");

  @TempDir Path dir;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @Test
  void eachDeviceIsShownPromptedAndWaitedForInTurn() throws Exception {
    Path script = dir.resolve("bench.yaml");
    // the bay detector's relay closes 1.5 s in (its pin is open by then, even on a loaded machine);
    // the PIR never sees anyone
    Files.writeString(script, "events:\n  - {at: 1500ms, pin: 17, set: low, bounce: 2}\n");

    Map<String, DeviceResult> results =
        commissioning(Duration.ofSeconds(3))
            .check(
                new CommissionSummary.Gpio("mock", script, 1.0),
                List.of(
                    gpio("bay-01", "parking/bay-occupancy", 17, null),
                    gpio("pir-01", "elderly-care/pir-motion", 6, "down")));

    String shown = progress.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .contains("GPIO: provider mock, playing the event script " + script)
        .contains("[1/2] bay-01 (parking/bay-occupancy) on GPIO 17, pull up: now high (free)")
        .contains("      trigger the sensor (make it read occupied) within 3 s ...")
        .contains("      PASS: low (occupied) after ")
        .contains(
            "[2/2] pir-01 (elderly-care/pir-motion) on GPIO 6, pull down: now low (no motion)")
        .contains("      FAIL: no change within 3 s");
    // the bay is checked before the PIR is opened
    assertThat(shown.indexOf("PASS: low")).isLessThan(shown.indexOf("[2/2]"));

    DeviceResult bay = results.get("bay-01");
    assertThat(bay.status()).isEqualTo("ok");
    assertThat(bay.pin()).isEqualTo(17);
    assertThat(bay.points())
        .extracting(PointResult::point, PointResult::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("occupied", "high->low"));
    assertThat(bay.points().get(0).detail()).startsWith("free -> occupied after ");

    DeviceResult pir = results.get("pir-01");
    assertThat(pir.status()).isEqualTo("no change within 3 s");
    assertThat(pir.passed()).isFalse();
    assertThat(pir.points().get(0).detail())
        .isEqualTo(
            "stayed low (no motion): check the wiring, the pull resistor (down) and the pin"
                + " number (GPIO 6, BCM)");
  }

  @Test
  void aProviderThatCannotOpenFailsEveryGpioDeviceWithTheReason() throws Exception {
    Map<String, DeviceResult> results =
        commissioning(Duration.ofSeconds(1))
            .check(
                new CommissionSummary.Gpio("wires", null, 1.0),
                List.of(gpio("sos-01", "elderly-care/sos-button", 22, "up")));

    assertThat(results.get("sos-01").status()).isEqualTo("gpio error");
    assertThat(results.get("sos-01").note())
        .startsWith("cannot open the GPIO provider wires: unknown GPIO provider");
  }

  @Test
  void skippedDevicesAreRecordedAsSkipped() {
    Map<String, DeviceResult> results =
        GpioCommissioning.skipped(List.of(gpio("sos-01", "elderly-care/sos-button", 22, "up")));

    assertThat(results.get("sos-01").status()).isEqualTo("skipped");
    assertThat(results.get("sos-01").passed()).isTrue();
    assertThat(results.get("sos-01").pin()).isEqualTo(22);
  }

  @Test
  void secondsAreShortAndExact() {
    assertThat(GpioCommissioning.seconds(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(GpioCommissioning.seconds(Duration.ofMillis(2400))).isEqualTo("2.4 s");
    assertThat(GpioCommissioning.seconds(Duration.ofMillis(50))).isEqualTo("0.05 s");
  }

  private GpioCommissioning commissioning(Duration timeout) {
    return new GpioCommissioning(
        new ProfileDirectories(List.of(SHIPPED)),
        timeout,
        new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private static CommissionSummary.Device gpio(String id, String profile, int pin, String pull) {
    return new CommissionSummary.Device(id, profile, "gpio", null, 0, pin, pull);
  }
}
