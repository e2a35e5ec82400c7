package cn.yichang.edge.rig;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigReaderTest {

  private static final List<Path> PROFILES = List.of(Path.of("../../device-profiles"));

  @TempDir Path dir;

  private RigReader.Result read(String yaml) throws Exception {
    Path file = dir.resolve("rig.yaml");
    Files.writeString(file, yaml);
    return RigReader.read(file, PROFILES);
  }

  @Test
  void shippedRigsAreValid() throws Exception {
    try (var files = Files.list(Path.of("../rigs"))) {
      for (Path rig : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        assertThat(RigReader.read(rig, PROFILES).problems()).as(rig.toString()).isEmpty();
      }
    }
  }

  @Test
  void readsGpioDevicesAndTheirScript() throws Exception {
    Files.writeString(dir.resolve("events.yaml"), "events: []\n");
    RigReader.Result r =
        read(
            """
            gateway: {id: yc-t}
            duration: 20s
            buses:
              - id: b1
                devices:
                  - {id: soil-01, profile: agriculture/soil-3in1, unit: 1}
            gpio:
              script: events.yaml
              devices:
                - {id: bay-1, profile: parking/bay-occupancy, pin: 17, pull: up, poll: 5s}
                - {id: sos-1, profile: elderly-care/sos-button, pin: 22, pull: up}
            """);
    assertThat(r.problems()).isEmpty();
    Rig rig = r.rig();
    assertThat(rig.gpio().script()).isEqualTo(dir.resolve("events.yaml"));
    assertThat(rig.devices())
        .extracting(Rig.Device::id)
        .containsExactly("soil-01", "bay-1", "sos-1");
    assertThat(rig.shortened().gpio().scriptScale()).isEqualTo(0.5);
  }

  @Test
  void reportsGpioProblems() throws Exception {
    RigReader.Result r =
        read(
            """
            gateway: {id: yc-t}
            duration: 20s
            buses:
              - id: b1
                devices:
                  - {id: soil-01, profile: agriculture/soil-3in1, unit: 1}
            gpio:
              script: nowhere.yaml
              devices:
                - {id: soil-01, profile: parking/bay-occupancy, pin: 17}
                - {id: bay-2, profile: parking/bay-occupancy, pin: 17}
            timeline:
              - {at: 1s, action: device-silent, device: bay-2, for: 2s}
            """);
    assertThat(r.problems())
        .extracting(p -> p.line() + ": " + p.field() + ": " + p.message())
        .containsExactly(
            "8: gpio.script: no such file: " + dir.resolve("nowhere.yaml"),
            "10: gpio.devices[0].id: device \"soil-01\" is defined twice",
            "11: gpio.devices[1].pin: GPIO 17 is used twice",
            "13: timeline[0].device: \"bay-2\" is on a GPIO pin: its script drives it");
  }

  @Test
  void readsBusesDevicesAndTimeline() throws Exception {
    RigReader.Result r =
        read(
            """
            gateway: {id: yc-t}
            duration: 20s
            short: 0.25
            buses:
              - id: b1
                baud: 19200
                parity: even
                devices:
                  - {id: soil-01, profile: agriculture/soil-3in1, unit: 1, poll: 2s}
            timeline:
              - {at: 4s, action: broker-down, for: 8s}
              - {at: 2s, action: device-slow, device: soil-01, for: 4s, delay: 700ms}
              - {at: 1s, action: line-noise, bus: b1, for: 4s, bytes: 5}
            """);
    assertThat(r.problems()).isEmpty();
    Rig rig = r.rig();
    assertThat(rig.account()).isEqualTo("yichang");
    assertThat(rig.buses().get(0).parity()).isEqualTo("even");
    assertThat(rig.timeline())
        .extracting(Rig.Action::kind)
        .containsExactly(
            Rig.ActionKind.BROKER_DOWN, Rig.ActionKind.DEVICE_SLOW, Rig.ActionKind.LINE_NOISE);
    assertThat(rig.timeline().get(1).delay()).isEqualTo(Duration.ofMillis(700));
    assertThat(rig.timeline().get(2).every()).isEqualTo(Duration.ofSeconds(1));

    Rig shortRig = rig.shortened();
    assertThat(shortRig.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(shortRig.timeline().get(0).at()).isEqualTo(Duration.ofSeconds(1));
    assertThat(shortRig.timeline().get(0).length()).isEqualTo(Duration.ofSeconds(2));
    assertThat(shortRig.devices().get(0).poll()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void asciiAndFramedDevicesHaveNoUnitAndTheirBusAlone() throws Exception {
    RigReader.Result ok =
        read(
            """
            gateway: {id: yc-t}
            duration: 20s
            buses:
              - id: gnss
                devices:
                  - {id: bus-1, profile: elderly-care/gnss-nmea, poll: 2s}
            timeline:
              - {at: 4s, action: device-silent, device: bus-1, for: 2s}
            """);
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.rig().devices().get(0).modbus()).isFalse();

    RigReader.Result bad =
        read(
            """
            gateway: {id: yc-t}
            duration: 20s
            buses:
              - id: b1
                devices:
                  - {id: radar, profile: elderly-care/mmwave-fall-radar, unit: 3}
                  - {id: bed, profile: elderly-care/bed-sensor, unit: 1}
              - id: b2
                devices:
                  - {id: bed2, profile: elderly-care/bed-sensor}
                  - {id: bed3, profile: elderly-care/bed-sensor, unit: 3}
            timeline:
              - {at: 4s, action: device-crc, device: radar, for: 2s}
            """);
    assertThat(bad.problems())
        .extracting(p -> p.field() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "buses[0].devices: an ascii-line or framed device is simulated on a bus of its own:"
                + " no other device here",
            "buses[0].devices[0].unit: only for Modbus devices; elderly-care/mmwave-fall-radar"
                + " is framed",
            "buses[1].devices[0].unit: missing (required for a Modbus device)",
            "timeline[0].device: radar is an ascii-line or framed device: only device-silent"
                + " applies");
  }

  @Test
  void reportsEveryProblemWithFileLineAndField() throws Exception {
    RigReader.Result r =
        read(
            """
            gateway: {id: yc-t, colour: red}
            duration: 10s
            buses:
              - id: b1
                devices:
                  - {id: soil-01, profile: agriculture/soil-3in1, unit: 1}
                  - {id: soil-02, profile: agriculture/nothing, unit: 1}
            timeline:
              - {at: 5s, action: broker-down, for: 8s}
              - {at: 1s, action: device-crc, device: soil-09, for: 1s}
              - {at: 1s, action: line-noise, for: 1s}
              - {at: 1s, action: reboot, for: 1s}
            """);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .extracting(Problem::toString)
        .map(s -> s.substring(dir.toString().length() + 1))
        .containsExactly(
            "rig.yaml:1: gateway.colour: unknown key (known keys here: id, account)",
            "rig.yaml:7: buses[0].devices[1].unit: unit 1 is already used on bus b1 by soil-01",
            "rig.yaml:7: buses[0].devices[1].profile: no profile \"agriculture/nothing\" in "
                + PROFILES,
            "rig.yaml:9: timeline[0].for: ends at 13s, after the rig's duration of 10s",
            "rig.yaml:10: timeline[1].device: no device \"soil-09\" in this rig",
            "rig.yaml:11: timeline[2].bus: missing (required by line-noise)",
            "rig.yaml:12: timeline[3].action: expected one of broker-down, device-silent,"
                + " device-crc, device-slow, line-noise, gateway-kill, disk-fill, got \"reboot\"");
  }
}
