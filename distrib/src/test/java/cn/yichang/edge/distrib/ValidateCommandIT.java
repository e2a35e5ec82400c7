package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/sanxia-edge validate and run on broken site files and profiles, through the script. */
class ValidateCommandIT {

  @TempDir Path dir;

  @Test
  void acceptsAValidSiteFile() throws Exception {
    Path site =
        SiteFiles.write(
            dir,
            """
            gateway: {id: yc-agri-0042, account: yichang}
            buses:
              - {id: rs485-1, type: serial, port: /dev/ttyUSB0, baud: 9600}
            devices:
              - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 10s}
            """);

    GatewayProcess.Result result = GatewayProcess.run("validate", "--config", site.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains(site + ": valid (1 buses, 1 devices)");
  }

  @Test
  void reportsEveryProblemWithFileLineAndField() throws Exception {
    Path profiles = Files.createDirectories(dir.resolve("profiles/custom"));
    Path profile = profiles.resolve("probe.yaml");
    Files.writeString(
        profile,
        """
        id: custom/probe
        manufacturer: Acme
        model: P-1
        protocol: modbus-rtu
        points:
          - {name: level, table: holding, address: 0, type: uint16}
          - {name: flag, table: coil, address: 1, type: int16}
        """);
    Path site =
        SiteFiles.write(
            dir,
            """
            gateway: {id: yc-agri-0042, account: yichang}
            profile-dirs: [profiles]
            buses:
              - {id: rs485-1, type: serial, port: /dev/ttyUSB0, baud: 9600, flow: none}
            devices:
              - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 10s}
              - {id: soil-02, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 10s}
              - {id: soil-03, profile: agriculture/soil-3in1, bus: rs485-9, unit: 3, poll: 10s}
              - {id: probe-1, profile: custom/probe, bus: rs485-1, unit: 4, poll: 10 seconds}
            """);

    GatewayProcess.Result result = GatewayProcess.run("validate", "--config", site.toString());
    Path realProfile = profile.toRealPath();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output())
        .anyMatch(l -> l.startsWith(site + ":4: buses[0].flow: "))
        .anyMatch(l -> l.startsWith(site + ":7: devices[1].unit: "))
        .anyMatch(l -> l.startsWith(site + ":8: devices[2].bus: "))
        .anyMatch(l -> l.startsWith(site + ":9: devices[3].poll: "))
        .anyMatch(
            l ->
                l.startsWith(realProfile + ":7: points[1].")
                    || l.startsWith(profile + ":7: points[1]."));
  }

  @Test
  void runRefusesAnInvalidSiteFileWithoutStarting() throws Exception {
    Path site = SiteFiles.write(dir, "gateway: {id: yc-agri-0042}\nbusses: []\n");

    GatewayProcess.Result result = GatewayProcess.run("run", "--config", site.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).anyMatch(l -> l.startsWith(site + ":2: busses: "));
    assertThat(result.output()).noneMatch(l -> l.startsWith("sanxia-edge: started"));
  }
}
