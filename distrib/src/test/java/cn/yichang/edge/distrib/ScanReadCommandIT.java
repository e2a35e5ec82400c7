package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sanxia-edge scan and read through the script, against the simulator on a socat pty, a device
 * on an openpty() pty that sees the baud rate the scan sets, and pymodbus.
 */
class ScanReadCommandIT {

  @TempDir Path dir;

  @BeforeEach
  void needsSocat() {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
  }

  @Test
  void scanFindsTheSimulatedDeviceAtUnit7AndSuggestsItsProfile() throws Exception {
    DeviceProfile profile =
        new ProfileDirectories(List.of(GatewayProcess.HOME.resolve("device-profiles")))
            .find("water/ph-orp")
            .orElseThrow();
    ProfileUnit unit = ProfileUnit.of(profile, 7, 42);
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV");
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                unit.unit())) {

      GatewayProcess.Result result =
          // 500 ms, not the default 100: a loaded CI machine may stall the simulator's answer
          GatewayProcess.run(
              "scan",
              "--port",
              pty.masterEnd().toString(),
              "--units",
              "1-10",
              "--timeout",
              "500ms");

      assertThat(result.exitCode()).isZero();
      assertThat(result.output())
          .anyMatch(l -> l.matches("7\\s+9600 8N1\\s+holding 0 = \\d+\\s+.*water/ph-orp.*"))
          .contains("site file: {baud: 9600, parity: none, data-bits: 8, stop-bits: 1}")
          // progress as it goes, and the scan stopped after the first setting with an answer
          .anyMatch(l -> l.matches("\\[[0-9.]+s\\] 1/16 9600 8N1: probing .*"))
          .anyMatch(l -> l.contains("9600 8N1: unit 7 answered: holding 0 = "))
          .noneMatch(l -> l.contains("2/16 19200 8N1"));
      assertThat(result.output().stream().filter(l -> l.matches("[0-9]+\\s+9600 8N1\\s.*")))
          .hasSize(1);
    }
  }

  @Test
  void scanFindsTheBaudRateTheDeviceSees() throws Exception {
    Path link = dir.resolve("ttyGW");
    try (OpenptyDevice device =
        OpenptyDevice.start(link, "--unit", "7", "--baud", "19200", "--holding", "0=321")) {

      GatewayProcess.Result result =
          GatewayProcess.run(
              "scan",
              "--port",
              link.toString(),
              "--units",
              "5-9",
              "--no-profiles",
              "--timeout",
              "500ms");

      assertThat(result.exitCode()).isZero();
      assertThat(result.output())
          .anyMatch(l -> l.matches("7\\s+19200 8N1\\s+holding 0 = 321\\s+-"))
          .anyMatch(l -> l.contains("1/16 9600 8N1: probing"))
          .anyMatch(l -> l.contains("2/16 19200 8N1: probing"))
          .noneMatch(l -> l.contains("3/16"))
          .contains("site file: {baud: 19200, parity: none, data-bits: 8, stop-bits: 1}");
      // the device heard the 9600 probes and stayed silent: it saw the rate the scan set
      assertThat(device.output()).contains("IGNORED baud=9600 stop-bits=1");
    }
  }

  @Test
  void scanReportsSilenceWithTheSettingsTried() throws Exception {
    Path link = dir.resolve("ttyGW");
    try (OpenptyDevice device =
        OpenptyDevice.start(link, "--unit", "7", "--baud", "2400", "--holding", "0=1")) {

      GatewayProcess.Result result =
          GatewayProcess.run(
              "scan", "--port", link.toString(), "--units", "7", "--baud", "9600,19200");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.output()).anyMatch(l -> l.startsWith("no unit answered at 9600 8N1"));
    }
  }

  @Test
  void scanOfAMissingPortSaysSo() throws Exception {
    GatewayProcess.Result result =
        GatewayProcess.run("scan", "--port", dir.resolve("ttyNONE").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).anyMatch(l -> l.contains("ttyNONE: no such serial port"));
  }

  @Test
  void readPrintsThePymodbusDevicesRegistersInHexAndDecoded() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV");
        PythonModbusDevice device =
            PythonModbusDevice.start(
                pty.deviceEnd(),
                9600,
                "--unit",
                "3",
                // 123, -2, float32 21.5 (0x41AC0000) high word first, "OK"
                "--holding",
                "10=123,11=0xFFFE,12=0x41AC,13=0x0000,14=0x4F4B")) {

      GatewayProcess.Result result =
          GatewayProcess.run(
              "read",
              "--port",
              pty.masterEnd().toString(),
              "--unit",
              "3",
              "--table",
              "holding",
              "--address",
              "10",
              "--count",
              "5");

      assertThat(result.exitCode()).isZero();
      assertThat(result.output())
          .contains("request:  03 03 00 0a 00 05 " + crcHex("03 03 00 0a 00 05"))
          .anyMatch(l -> l.startsWith("response: 03 03 0a 00 7b ff fe 41 ac 00 00 4f 4b "))
          .anyMatch(l -> l.matches("10\\s+007b\\s+123\\s+123\\s+.*"))
          .anyMatch(l -> l.matches("11\\s+fffe\\s+65534\\s+-2\\s+.*"))
          .anyMatch(
              l ->
                  l.matches(
                      "12\\s+41ac\\s+16812\\s+16812\\s+1101791232\\s+1101791232\\s+21\\.5\\s+.*"))
          .contains("string: \"\\x00{\\xff\\xfeA\\xac\\x00\\x00OK\"");
    }
  }

  @Test
  void readOfASilentUnitFailsWithTheReason() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV")) {
      GatewayProcess.Result result =
          GatewayProcess.run(
              "read",
              "--port",
              pty.masterEnd().toString(),
              "--unit",
              "9",
              "--address",
              "0",
              "--timeout",
              "200ms");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.output()).anyMatch(l -> l.startsWith("failed:   timeout"));
    }
  }

  private static String crcHex(String hex) {
    byte[] body = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
    byte[] framed = cn.yichang.edge.modbus.internal.Crc16.append(body);
    return java.util.HexFormat.ofDelimiter(" ").formatHex(framed, body.length, framed.length);
  }

  /** test-rigs/peers/openpty_device.py: a device that sees the line settings its master set. */
  private static final class OpenptyDevice implements AutoCloseable {
    private final Process process;
    private final Path log;

    private OpenptyDevice(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static OpenptyDevice start(Path link, String... args) throws IOException {
      Path log = link.resolveSibling("openpty-device.log");
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  "/usr/bin/python3",
                  PythonModbusDevice.PEERS.resolve("openpty_device.py").toString(),
                  "--link",
                  link.toString()));
      command.addAll(List.of(args));
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      OpenptyDevice device = new OpenptyDevice(p, log);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> device.output().stream().anyMatch(l -> l.startsWith("READY")) || !p.isAlive());
      if (!p.isAlive()) {
        throw new IllegalStateException("openpty device did not start: " + device.output());
      }
      return device;
    }

    List<String> output() throws IOException {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
