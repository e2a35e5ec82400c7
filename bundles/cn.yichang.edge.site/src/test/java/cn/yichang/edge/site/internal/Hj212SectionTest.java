package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hj212:} platforms, into a destination configuration each and a queue in the buffer. */
class Hj212SectionTest {
  @TempDir Path dir;

  private static final String DEVICES =
      "gateway: {id: gw-1, account: acct}\n"
          + "buses:\n"
          + "  - {id: rs485-1, type: serial, port: /dev/ttyUSB0}\n"
          + "devices:\n"
          + "  - {id: ph-01, profile: water/ph-orp, bus: rs485-1, unit: 1}\n"
          + "  - {id: do-01, profile: water/dissolved-oxygen, bus: rs485-1, unit: 2}\n"
          + "  - {id: turb-01, profile: water/turbidity, bus: rs485-1, unit: 3}\n";

  private SiteReport read(String yaml) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, yaml);
    return SiteReader.read(site, SiteReaderTest.DISTRIBUTION);
  }

  private static List<String> texts(List<Problem> problems) {
    return problems.stream().map(p -> p.line() + ": " + p.field() + ": " + p.message()).toList();
  }

  @Test
  void theIssuesExampleBecomesADestinationWithTheProfilesCodesAndItsOwnQueue() throws Exception {
    SiteReport report =
        read(
            DEVICES
                + "hj212:\n"
                + "  - id: env-city\n"
                + "    url: tcp://10.20.0.5:9001\n"
                + "    allow-plaintext: true\n"
                + "    mn: YC0001WQ0000000000000001\n"
                + "    password: 123456\n"
                + "    st: 21\n"
                + "    realtime: 30s\n"
                + "    minute: 10m\n"
                + "    ack: true\n"
                + "    timeout: 5s\n"
                + "    devices: [ph-01, do-01, turb-01]\n");
    assertThat(report.errors()).isEmpty();
    assertThat(texts(report.warnings()))
        .containsExactly(
            "19: hj212[0].devices: ph-01: orp without an hj212 code, not sent to env-city",
            "19: hj212[0].devices: do-01: saturation, temperature, cap_worn, sensor_fault without"
                + " an hj212 code, not sent to env-city",
            "19: hj212[0].devices: turb-01: temperature, wiping, wiper_blocked without an hj212"
                + " code, not sent to env-city");
    List<SiteConfigurations.Desired> configs = SiteConfigurations.of(report.site(), null, dir);
    Map<String, Object> env =
        configs.stream()
            .filter(d -> SiteConfigurations.HJ212_FACTORY_PID.equals(d.factoryPid()))
            .findFirst()
            .orElseThrow()
            .properties();
    assertThat(env)
        .containsEntry("id", "env-city")
        .containsEntry("url", "tcp://10.20.0.5:9001")
        .containsEntry("allow.plaintext", true)
        .containsEntry("mn", "YC0001WQ0000000000000001")
        .containsEntry("password", "123456")
        .containsEntry("st", "21")
        .containsEntry("realtime.s", 30L)
        .containsEntry("minute.min", 10L)
        .containsEntry("ack", true)
        .containsEntry("timeout.s", 5L)
        .containsEntry("retries", 3)
        .containsEntry("time.zone", "Asia/Shanghai")
        .containsEntry("store.target", "(destination=env-city)")
        .containsEntry("state.dir", dir.toAbsolutePath().normalize().toString());
    assertThat((String[]) env.get("codes"))
        .containsExactly(
            "ph-01/ph=w01001",
            "ph-01/temperature=w01010",
            "do-01/dissolved_oxygen=w01009",
            "turb-01/turbidity=w01003");
    Map<String, Object> store =
        configs.stream()
            .filter(d -> d.name().equals(SiteConfigurations.STORE_PID))
            .findFirst()
            .orElseThrow()
            .properties();
    assertThat((String[]) store.get("destinations")).containsExactly("uplink", "env-city");
  }

  @Test
  void aDevicesOwnCodesOverrideItsProfilesAndNoneTakesOneAway() throws Exception {
    SiteReport report =
        read(
            DEVICES
                    .replace(
                        "unit: 2}",
                        "unit: 2, hj212: {temperature: w01010, dissolved_oxygen: none}}")
                    .replace(
                        "ph-orp, bus: rs485-1, unit: 1}",
                        "ph-orp, bus: rs485-1, unit: 1, hj212: {temperature: none}}")
                + "hj212:\n"
                + "  - {id: env, url: 'tcp://127.0.0.1:9001', allow-plaintext: true, mn: M1,"
                + " password: '123456', devices: [ph-01, do-01]}\n");
    assertThat(report.errors()).isEmpty();
    Map<String, Object> env =
        SiteConfigurations.of(report.site(), null, dir).stream()
            .filter(d -> SiteConfigurations.HJ212_FACTORY_PID.equals(d.factoryPid()))
            .findFirst()
            .orElseThrow()
            .properties();
    assertThat((String[]) env.get("codes"))
        .containsExactly("ph-01/ph=w01001", "do-01/temperature=w01010");
  }

  @Test
  void whatCannotBeSentIsAnErrorAtItsLine() throws Exception {
    SiteReport report =
        read(
            DEVICES.replace("unit: 2}", "unit: 2, hj212: {temperature: w01010, saturation: X1}}")
                + "hj212:\n"
                + "  - {id: uplink, url: 'tcp://127.0.0.1:9001', mn: M1, password: '1234567',"
                + " devices: [ph-01, do-01, nobody], minute: 7m, st: surface}\n"
                + "  - {id: env, url: 'tls://127.0.0.1:9001', mn: 'M 1', password: '1',"
                + " devices: [], time-zone: Mars/Olympus}\n");
    assertThat(texts(report.errors()))
        .containsExactly(
            "6: devices[1].hj212.saturation: \"X1\" is not an HJ 212 pollutant code (a letter and"
                + " five letters or digits, e.g. w01001)",
            "9: hj212[0].id: \"uplink\" names the Kura platform's queue: give another",
            "9: hj212[0].url: tcp://127.0.0.1:9001 is plaintext: say allow-plaintext: true to send"
                + " it so",
            "9: hj212[0].password: 1 to 6 letters or digits (the standard's PW)",
            "9: hj212[0].st: \"surface\": two digits or capitals (21 surface water, 32 ...)",
            "9: hj212[0].minute: must be 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m or 30m",
            "10: hj212[1].url: tls:// is not supported yet for HJ 212 platforms: tcp:// with"
                + " allow-plaintext: true",
            "10: hj212[1].mn: \"M 1\": 1 to 24 letters or digits",
            "10: hj212[1].time-zone: \"Mars/Olympus\" is not a time zone (Asia/Shanghai, +08:00)",
            "10: hj212[1].devices: lists no device: which devices' points go to this platform?");
  }

  @Test
  void aCodeTwoPointsShareAndAUnitThatCannotBeConvertedAreErrors() throws Exception {
    SiteReport report =
        read(
            DEVICES.replace(
                    "unit: 2}", "unit: 2, hj212: {temperature: w01010, saturation: w01014}}")
                + "hj212:\n"
                + "  - {id: env, url: 'tcp://127.0.0.1:9001', allow-plaintext: true, mn: M1,"
                + " password: '123456', devices: [ph-01, do-01, nobody]}\n");
    assertThat(texts(report.errors()))
        .containsExactly(
            "9: hj212[0].devices: do-01.saturation as w01014: its unit % is not w01014's"
                + " (conductivity, in uS/cm) and the gateway has no conversion for it",
            "9: hj212[0].devices: w01010 comes from both ph-01.temperature and do-01.temperature:"
                + " give one of them another code, or none, in its device's hj212:",
            "9: hj212[0].devices: no device \"nobody\" in this file");
  }
}
