package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Devices wired to GPIO pins: the site file's {@code gpio:} keys, checks and configurations. */
class GpioSiteTest {
  private static final Path SITES = SiteReaderTest.SITES;
  private static final Path STATE = Path.of("/var/lib/sanxia-edge");

  @Test
  void readsGpioDevicesBesideBusDevices() {
    SiteReport report = read("gpio/valid-gpio.yaml");

    assertThat(report.errors()).isEmpty();
    Site site = report.site();
    assertThat(site.gpio())
        .isEqualTo(new Site.Gpio("mock", SITES.resolve("gpio/care-events.yaml"), 0.5));
    assertThat(site.devices())
        .extracting(Site.Device::id, Site.Device::bus, Site.Device::protocol, Site.Device::pin)
        .containsExactly(
            tuple("room-101", "rs485-1", "modbus-rtu", null),
            tuple("room-101-sos", null, "gpio", new Site.GpioPin(22, "up")),
            tuple("room-101-pir", null, "gpio", new Site.GpioPin(23, null)),
            tuple("door-1", null, "gpio", new Site.GpioPin(24, "off")));
  }

  @Test
  void reportsEveryGpioProblemWithFileLineAndField() {
    SiteReport report = read("gpio/problems.yaml");

    assertThat(report.site()).isNull();
    assertThat(report.errors())
        .extracting(SiteReaderTest::line)
        .containsExactly(
            "gpio/problems.yaml:2: gpio.colour: unknown key (known keys here: provider, script, script-scale)",
            "gpio/problems.yaml:2: gpio.script: an event script is played by the mock provider"
                + " only: say provider: mock",
            "gpio/problems.yaml:6: devices[0].gpio: pull missing: the profile needs the site to"
                + " say how the pin is pulled (up, down or off for an external resistor)",
            "gpio/problems.yaml:7: devices[1].gpio.pin: GPIO 22 is already used by device sos-1"
                + " (line 6)",
            "gpio/problems.yaml:8: devices[2].gpio.pin: 40 is out of range 0..27",
            "gpio/problems.yaml:9: devices[3].gpio: missing: profile \"parking/bay-occupancy\" is"
                + " a gpio device: give gpio: {pin: N, pull: up|down|off} instead of bus and unit",
            "gpio/problems.yaml:10: devices[4].gpio.pull: expected one of up, down, off, got"
                + " \"sideways\"",
            "gpio/problems.yaml:10: devices[4].gpio: profile \"agriculture/soil-3in1\" is a"
                + " modbus-rtu device: give bus and unit instead of gpio",
            "gpio/problems.yaml:11: devices[5].gpio: profile \"agriculture/soil-3in1\" is a"
                + " modbus-rtu device: give bus and unit instead of gpio",
            "gpio/problems.yaml:12: devices[6].bus: a device wired to a pin (gpio) has no bus or"
                + " unit");
  }

  @Test
  void becomesGpioConfigurations() {
    Site site = read("gpio/valid-gpio.yaml").site();

    var configs = SiteConfigurations.of(site, SiteReaderTest.DISTRIBUTION, STATE);

    assertThat(configs)
        .filteredOn(c -> c.toString().equals("cn.yichang.edge.gpio"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.properties())
                    .containsOnly(
                        entry("provider", "mock"),
                        entry("script", SITES.resolve("gpio/care-events.yaml").toString()),
                        entry("script.scale", 0.5),
                        entry("state.dir", STATE.toString())));
    assertThat(configs)
        .filteredOn(c -> c.toString().equals("cn.yichang.edge.gpio.device~room-101-pir"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.properties())
                    .containsOnly(
                        entry("id", "room-101-pir"),
                        entry("profile", "elderly-care/pir-motion"),
                        entry("pin", 23),
                        entry("pull", ""),
                        entry("poll.ms", 60_000L)));
    assertThat(configs)
        .extracting(Object::toString)
        .contains("cn.yichang.edge.modbus.device~room-101", "cn.yichang.edge.gpio.device~door-1");
  }

  @Test
  void aSiteWithGpioDevicesAndNoGpioSectionGetsTheAutomaticProvider() {
    Site site = read("valid.yaml").site();
    assertThat(site.gpio()).isNull();
    assertThat(SiteConfigurations.of(site, null, STATE))
        .extracting(Object::toString)
        .doesNotContain("cn.yichang.edge.gpio");
  }

  private static SiteReport read(String file) {
    return SiteReader.read(SITES.resolve(file), SiteReaderTest.DISTRIBUTION);
  }
}
