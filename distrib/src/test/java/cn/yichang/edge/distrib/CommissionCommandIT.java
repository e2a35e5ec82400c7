package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.sim.profile.ProfileUnit;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sanxia-edge commission through the script: the simulator on a socat pty serves one of the
 * site's two soil probes, the other unit stays silent; ascii-line and framed devices are served by
 * the serial simulator on ptys of their own; GPIO devices are on the mock provider, an event script
 * playing the installer's presses; the uplink is a TLS Mosquitto that requires the test PKI's
 * client certificate.
 */
class CommissionCommandIT {

  private static final String GATEWAY = "yc-com-0001";
  private static final String ACCOUNT = "yichang";

  @TempDir Path dir;

  @BeforeEach
  void needsPeers() {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
    Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
  }

  @Test
  void aSilentUnitOrAForeignCertificateFailsTheSiteAndAHealthyOnePasses() throws Exception {
    DeviceProfile profile =
        new ProfileDirectories(List.of(GatewayProcess.HOME.resolve("device-profiles")))
            .find("agriculture/soil-3in1")
            .orElseThrow();
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV");
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                ProfileUnit.of(profile, 1, 7).unit());
        MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      String site =
          """
          gateway: {id: %s, account: %s}
          buses:
            - {id: rs485-1, type: serial, port: %s, baud: 9600, response-timeout: 300ms}
          devices:
            - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 5s}
          %s
          uplink:
            url: %s
            tls: {ca: %s, cert: %s, key: %s}
          """;
      Object[] args = {
        GATEWAY,
        ACCOUNT,
        pty.masterEnd(),
        "",
        broker.tlsUrl(),
        pki.caCert(),
        pki.gateway().cert(),
        pki.gateway().key()
      };
      args[3] =
          "  - {id: gone-02, profile: agriculture/soil-3in1, bus: rs485-1, unit: 2, poll: 5s}";
      Path twoDevices = dir.resolve("two.yaml");
      Files.writeString(twoDevices, site.formatted(args));
      Path record = dir.resolve("record-fail.json");

      GatewayProcess.Result fail =
          GatewayProcess.run(
              "commission", "--config", twoDevices.toString(), "--record", record.toString());

      String output = String.join("\n", fail.output());
      assertThat(fail.exitCode()).as(output).isEqualTo(1);
      for (Point p : profile.points()) {
        assertThat(fail.output())
            .as(output)
            .anyMatch(
                l ->
                    l.matches(
                        "soil-01\\s+agriculture/soil-3in1\\s+"
                            + java.util.regex.Pattern.quote(p.name())
                            + "\\s+\\S+\\s+\\S+\\s+(yes|-)\\s+ok"))
            .anyMatch(
                l ->
                    l.matches(
                        "gone-02\\s+agriculture/soil-3in1\\s+"
                            + java.util.regex.Pattern.quote(p.name())
                            + "\\s+-\\s+\\S+\\s+-\\s+timeout"));
      }
      assertThat(fail.output())
          .as(output)
          .anyMatch(l -> l.startsWith("uplink publish: OK"))
          .contains("FAIL: 2 device(s), 1 failing, uplink ok");
      String json = Files.readString(record);
      assertThat(json)
          .contains("\"gateway_id\": \"" + GATEWAY + "\"")
          .contains("\"account\": \"" + ACCOUNT + "\"")
          .contains("\"site_file\": \"" + twoDevices.toAbsolutePath() + "\"")
          .contains("\"site_sha256\": \"" + sha256(twoDevices) + "\"")
          .containsPattern("\"firmware_version\": \"\\d+\\.\\d+\\.\\d+[^\"]*\"")
          .contains("\"result\": \"FAIL\"")
          .contains("\"id\": \"soil-01\"", "\"id\": \"gone-02\"")
          .contains("\"step\": \"publish\"");
      assertThat(count(json, "\"status\": \"timeout\"")).isEqualTo(profile.points().size() + 1);
      assertThat(count(json, "\"status\": \"ok\"")).isEqualTo(profile.points().size() + 1);

      args[3] = "";
      Path oneDevice = dir.resolve("one.yaml");
      Files.writeString(oneDevice, site.formatted(args));

      GatewayProcess.Result pass =
          GatewayProcess.run("commission", "--config", oneDevice.toString());

      assertThat(pass.exitCode()).as(String.join("\n", pass.output())).isZero();
      assertThat(pass.output()).contains("PASS: 1 device(s), 0 failing, uplink ok");
      List<Path> records;
      try (Stream<Path> files = Files.list(dir)) {
        records =
            files
                .filter(
                    f ->
                        f.getFileName()
                            .toString()
                            .matches("commissioning-" + GATEWAY + "-\\d{8}T\\d{6}Z\\.json"))
                .toList();
      }
      assertThat(records).hasSize(1);
      assertThat(Files.readString(records.get(0)))
          .contains("\"result\": \"PASS\"")
          .doesNotContain("gone-02");

      // the same healthy site with a certificate from another CA: the uplink row fails the site
      args[6] = pki.foreignGateway().cert();
      args[7] = pki.foreignGateway().key();
      Path foreign = dir.resolve("foreign.yaml");
      Files.writeString(foreign, site.formatted(args));
      Path foreignRecord = dir.resolve("record-foreign.json");

      GatewayProcess.Result refused =
          GatewayProcess.run(
              "commission", "--config", foreign.toString(), "--record", foreignRecord.toString());

      String refusedOutput = String.join("\n", refused.output());
      assertThat(refused.exitCode()).as(refusedOutput).isEqualTo(1);
      assertThat(refused.output())
          .as(refusedOutput)
          .anyMatch(l -> l.startsWith("soil-01") && l.endsWith(" ok"))
          .anyMatch(
              l ->
                  l.startsWith("uplink ")
                      && l.contains("FAILED")
                      && l.contains("refused the gateway's certificate"))
          .contains("FAIL: 1 device(s), 0 failing, uplink failed");
      assertThat(Files.readString(foreignRecord)).contains("\"result\": \"FAIL\"");
    }
  }

  @Test
  void gpioDevicesShowTheirLevelAndWaitForATriggerOneAtATimeOrAreSkipped() throws Exception {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
    Path script = dir.resolve("bench.yaml");
    // the installer presses the SOS button 2 s in (the contact bouncing); the door stays shut
    Files.writeString(
        script,
        """
        events:
          - {at: 2s, pin: 22, set: low, for: 500ms, bounce: 3}
          - {at: 0s, pin: 5, set: low}
        """);
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      Path site = careSite("care.yaml", uplink(broker, pki));
      Path record = dir.resolve("record-gpio.json");

      GatewayProcess.Result result =
          GatewayProcess.run(
              "commission",
              "--config",
              site.toString(),
              "--gpio-timeout",
              "3s",
              "--record",
              record.toString());

      String output = String.join("\n", result.output());
      assertThat(result.exitCode()).as(output).isEqualTo(1);
      // what the installer reads: the level now, what it means, what to do
      assertThat(result.output())
          .as(output)
          .contains(
              "[1/2] sos-01 (elderly-care/sos-button) on GPIO 22, pull up: now high (released)")
          .contains("      press the button within 3 s ...")
          .contains("[2/2] door-01 (buildings/door-contact) on GPIO 5, pull up: now low (closed)")
          .contains("      trigger the sensor (make it read open) within 3 s ...");
      String sosRow =
          result.output().stream()
              .filter(l -> l.startsWith("sos-01 "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(output));
      Matcher pass =
          Pattern.compile(
                  "sos-01\\s+elderly-care/sos-button\\s+sos\\s+high->low\\s+-\\s+-\\s+"
                      + "ok \\(released -> pressed after (\\d+(?:\\.\\d+)?) s\\)")
              .matcher(sosRow);
      assertThat(pass.matches()).as(output).isTrue();
      // pressed 2 s after the GPIO check began, which the SOS opened (opening its pin takes its
      // share:
      // most of a second on a loaded machine)
      assertThat(Double.parseDouble(pass.group(1))).isBetween(0.2, 3.0);
      assertThat(result.output())
          .as(output)
          .anyMatch(
              l ->
                  l.matches(
                      "door-01\\s+buildings/door-contact\\s+open\\s+low\\s+-\\s+-\\s+"
                          + "no change within 3 s \\(stayed low \\(closed\\): check the wiring,"
                          + " the pull resistor \\(up\\) and the pin number \\(GPIO 5, BCM\\)\\)"))
          .contains("FAIL: 2 device(s), 1 failing, uplink ok");
      String json = Files.readString(record);
      assertThat(json)
          .contains("\"result\": \"FAIL\"")
          .contains("\"pin\": 22", "\"pin\": 5")
          .containsPattern(
              "\"value\": \"high->low\",\\s+\"unit\": null,\\s+\"in_range\": null,"
                  + "\\s+\"status\": \"ok\"")
          .contains("\"status\": \"no change within 3 s\"");

      // --skip-gpio: the rows say skipped, and skipped devices do not fail the site
      Path skipRecord = dir.resolve("record-skip.json");
      GatewayProcess.Result skipped = commission(site, skipRecord, "--skip-gpio");

      String skippedOutput = String.join("\n", skipped.output());
      assertThat(skipped.exitCode()).as(skippedOutput).isZero();
      assertThat(skipped.output())
          .as(skippedOutput)
          .anyMatch(l -> l.matches("sos-01\\s+elderly-care/sos-button(\\s+-){4}\\s+skipped \\(.*"))
          .anyMatch(l -> l.matches("door-01\\s+buildings/door-contact(\\s+-){4}\\s+skipped \\(.*"))
          .noneMatch(l -> l.contains("press the button"))
          .contains("PASS: 2 device(s), 0 failing, 2 skipped, uplink ok");
      String skipJson = Files.readString(skipRecord);
      assertThat(skipJson).contains("\"result\": \"PASS\"");
      assertThat(count(skipJson, "\"status\": \"skipped\"")).isEqualTo(2);

      // a bench site without the platform: FAIL for want of an uplink, unless it is skipped
      Path bench = careSite("bench-care.yaml", "");
      GatewayProcess.Result noUplink =
          commission(bench, dir.resolve("record-bench-fail.json"), "--skip-gpio");
      assertThat(noUplink.exitCode()).as(String.join("\n", noUplink.output())).isEqualTo(1);
      assertThat(noUplink.output())
          .anyMatch(l -> l.contains("no uplink section"))
          .contains("hint: on a bench without the platform, commission with --skip-uplink");
      Path benchRecord = dir.resolve("record-bench.json");
      GatewayProcess.Result benchRun =
          commission(bench, benchRecord, "--skip-gpio", "--skip-uplink");
      String benchOutput = String.join("\n", benchRun.output());
      assertThat(benchRun.exitCode()).as(benchOutput).isZero();
      assertThat(benchRun.output())
          .as(benchOutput)
          .contains("uplink: skipped (--skip-uplink)")
          .contains("PASS: 2 device(s), 0 failing, 2 skipped, uplink skipped")
          .noneMatch(l -> l.startsWith("uplink DNS"));
      assertThat(Files.readString(benchRecord))
          .contains("\"result\": \"PASS\"", "\"uplink_skipped\": true");
    }
  }

  private static GatewayProcess.Result commission(Path site, Path record, String... flags)
      throws Exception {
    List<String> args =
        new ArrayList<>(List.of("commission", "--config", site.toString(), "--record"));
    args.add(record.toString());
    args.addAll(List.of(flags));
    return GatewayProcess.run(args.toArray(String[]::new));
  }

  /** A care room on the mock GPIO provider: an SOS button and a door contact. */
  private Path careSite(String name, String uplinkSection) throws IOException {
    Path site = dir.resolve(name);
    Files.writeString(
        site,
        """
        gateway: {id: %s, account: %s}
        devices:
          - {id: sos-01, profile: elderly-care/sos-button, gpio: {pin: 22, pull: up}, poll: 5s}
          - {id: door-01, profile: buildings/door-contact, gpio: {pin: 5}, poll: 5s}
        gpio: {provider: mock, script: bench.yaml}
        %s
        """
            .formatted(GATEWAY, ACCOUNT, uplinkSection));
    return site;
  }

  @Test
  void asciiLineAndFramedDevicesAreReadOnceLikeModbusOnes() throws Exception {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
    try (SerialProtocolDevices devices = new SerialProtocolDevices(dir, 21);
        MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      Path site = dir.resolve("serial.yaml");
      Files.writeString(
          site,
          """
          gateway: {id: %s, account: %s}
          buses:
          %s
          devices:
            - {id: gnss-01, profile: elderly-care/gnss-nmea, bus: gnss, poll: 2s}
            - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: care-1, poll: 1s}
            - {id: wx-01, profile: agriculture/weather-ascii, bus: weather, poll: 1s}
          %s
          """
              .formatted(GATEWAY, ACCOUNT, devices.buses(), uplink(broker, pki)));
      Path record = dir.resolve("record-serial.json");

      GatewayProcess.Result result =
          GatewayProcess.run(
              "commission", "--config", site.toString(), "--record", record.toString());

      String output = String.join("\n", result.output());
      assertThat(result.exitCode()).as(output).isZero();
      assertThat(result.output()).as(output).contains("PASS: 3 device(s), 0 failing, uplink ok");
      String json = Files.readString(record);
      Map<String, SerialDeviceSim> sims = devices.byDevice();
      Map<String, String> profiles =
          Map.of(
              "gnss-01", "elderly-care/gnss-nmea",
              "radar-01", "elderly-care/mmwave-fall-radar",
              "wx-01", "agriculture/weather-ascii");
      for (String id : sims.keySet()) {
        Map<String, Object> sent = sims.get(id).expected();
        assertThat(sent).as(id).isNotEmpty();
        sent.forEach(
            (name, value) -> {
              String shown = Pattern.quote(String.valueOf(value));
              assertThat(result.output())
                  .as(id + " " + name + "\n" + output)
                  .anyMatch(
                      l ->
                          l.matches(
                              Pattern.quote(id)
                                  + "\\s+"
                                  + Pattern.quote(profiles.get(id))
                                  + "\\s+"
                                  + Pattern.quote(name)
                                  + "\\s+"
                                  + shown
                                  + "\\s+\\S+\\s+yes\\s+ok"));
              assertThat(json)
                  .as(id + " " + name)
                  .containsPattern(
                      "\"point\": \""
                          + Pattern.quote(name)
                          + "\",\\s+\"value\": \""
                          + shown
                          + "\"");
            });
      }
      assertThat(devices.radar.requests()).isPositive();
      assertThat(devices.weather.requests()).isPositive();
      assertThat(json)
          .contains("\"protocol\": \"ascii-line\"", "\"protocol\": \"framed\"")
          .contains("\"result\": \"PASS\"");
    }
  }

  @Test
  void anInvalidSiteFileExitsWith2() throws Exception {
    Path site = dir.resolve("bad.yaml");
    Files.writeString(site, "gateway: {id: x, account: y}\nbuses: []\ndevices:\n  - {id: a}\n");

    GatewayProcess.Result result = GatewayProcess.run("commission", "--config", site.toString());

    assertThat(result.exitCode()).as(String.join("\n", result.output())).isEqualTo(2);
    assertThat(result.output()).anyMatch(l -> l.startsWith(site + ":4: "));
  }

  private static String uplink(MosquittoBroker broker, PkiFiles pki) {
    return """
        uplink:
          url: %s
          tls: {ca: %s, cert: %s, key: %s}
        """
        .formatted(broker.tlsUrl(), pki.caCert(), pki.gateway().cert(), pki.gateway().key());
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
