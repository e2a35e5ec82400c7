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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sanxia-edge commission through the script: the simulator on a socat pty serves one of the
 * site's two soil probes, the other unit stays silent; the uplink is a TLS Mosquitto that requires
 * the test PKI's client certificate.
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
  void anInvalidSiteFileExitsWith2() throws Exception {
    Path site = dir.resolve("bad.yaml");
    Files.writeString(site, "gateway: {id: x, account: y}\nbuses: []\ndevices:\n  - {id: a}\n");

    GatewayProcess.Result result = GatewayProcess.run("commission", "--config", site.toString());

    assertThat(result.exitCode()).as(String.join("\n", result.output())).isEqualTo(2);
    assertThat(result.output()).anyMatch(l -> l.startsWith(site + ":4: "));
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
