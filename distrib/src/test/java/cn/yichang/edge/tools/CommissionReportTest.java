package cn.yichang.edge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.PointResult;
import cn.yichang.edge.tools.CommissionReport.UplinkStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionReportTest {

  private static final List<UplinkStep> UPLINK_OK =
      List.of(new UplinkStep("DNS", true, "localhost is 127.0.0.1"));

  private static CommissionReport report(List<DeviceResult> devices, List<UplinkStep> uplink) {
    return report(devices, uplink, false);
  }

  private static CommissionReport report(
      List<DeviceResult> devices, List<UplinkStep> uplink, boolean uplinkSkipped) {
    return new CommissionReport(
        "yc-\"0001\"",
        "yichang",
        Instant.parse("2026-11-29T06:00:00Z"),
        "0.1.0",
        "C:\\sites\\a\tb.yaml",
        "ab12",
        devices,
        uplink,
        uplinkSkipped);
  }

  private static DeviceResult device(String id, PointResult... points) {
    List<PointResult> list = List.of(points);
    return new DeviceResult(
        id,
        "water/ph-orp",
        "modbus-rtu",
        "rs485-1",
        7,
        CommissionReport.deviceStatus(list),
        null,
        list);
  }

  private static String table(CommissionReport r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void statusesOfReadingErrors() {
    assertThat(CommissionReport.status(null, false)).isEqualTo("ok");
    assertThat(CommissionReport.status(null, true)).isEqualTo("out of range");
    assertThat(CommissionReport.status("timeout", false)).isEqualTo("timeout");
    assertThat(CommissionReport.status("crc error", false)).isEqualTo("crc error");
    assertThat(CommissionReport.status("exception 2 (illegal data address)", false))
        .isEqualTo("exception");
    assertThat(CommissionReport.status("short frame", false)).isEqualTo("short frame");
  }

  @Test
  void tableShowsInRangeFlagsAndAnOutOfRangePointFails() {
    CommissionReport r =
        report(
            List.of(
                device(
                    "ph-01",
                    new PointResult("ph", "7.1", "pH", true, "ok", null),
                    new PointResult("orp", "2500.0", "mV", false, "out of range", null))),
            UPLINK_OK);

    String table = table(r);

    assertThat(table.lines())
        .anyMatch(l -> l.matches("ph-01\\s+water/ph-orp\\s+ph\\s+7\\.1\\s+pH\\s+yes\\s+ok"))
        .anyMatch(
            l -> l.matches("ph-01\\s+water/ph-orp\\s+orp\\s+2500\\.0\\s+mV\\s+no\\s+out of range"))
        .anyMatch(l -> l.startsWith("FAIL: 1 device(s), 1 failing, uplink ok"));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aDeviceNotCheckedFailsTheSiteAndSoDoesAFailedUplink() {
    DeviceResult gpio =
        DeviceResult.notChecked(
            "door-1", "gpio/door", "gpio", null, 0, "GPIO: use the running gateway's edge:gpio");
    DeviceResult ok = device("ph-01", new PointResult("ph", "7.1", "pH", true, "ok", null));

    assertThat(report(List.of(ok, gpio), UPLINK_OK).passed()).isFalse();
    assertThat(report(List.of(ok), UPLINK_OK).passed()).isTrue();
    assertThat(table(report(List.of(ok, gpio), UPLINK_OK)).lines())
        .anyMatch(
            l ->
                l.matches(
                    "door-1\\s+gpio/door\\s+-\\s+-\\s+-\\s+-\\s+not checked \\(GPIO: use the"
                        + " running gateway's edge:gpio\\)"))
        .anyMatch(l -> l.startsWith("FAIL: 2 device(s), 1 failing, uplink ok"));
    assertThat(
            report(List.of(ok), List.of(new UplinkStep("TCP", false, "connection refused")))
                .passed())
        .isFalse();
    assertThat(report(List.of(ok), List.of()).passed()).isFalse();
  }

  @Test
  void anUplinkSkippedOnRequestDoesNotFailTheSiteAndTheRecordSaysSo() {
    DeviceResult ok = device("ph-01", new PointResult("ph", "7.1", "pH", true, "ok", null));
    CommissionReport bench = bench(List.of(ok));

    assertThat(bench.passed()).isTrue();
    assertThat(table(bench).lines())
        .contains("uplink: skipped (--skip-uplink)")
        .anyMatch(l -> l.startsWith("PASS: 1 device(s), 0 failing, uplink skipped"));
    assertThat(bench.toJson())
        .contains("\"uplink_skipped\": true")
        .containsPattern("\"uplink\": \\[\\s*\\]");
    assertThat(report(List.of(ok), UPLINK_OK).toJson()).contains("\"uplink_skipped\": false");
    // a failing device still fails a bench
    DeviceResult timeout =
        device("ph-02", new PointResult("ph", null, "pH", null, "timeout", "timeout"));
    assertThat(bench(List.of(ok, timeout)).passed()).isFalse();
  }

  /** A report of a bench commissioned with {@code --skip-uplink}. */
  private static CommissionReport bench(List<DeviceResult> devices) {
    return report(devices, List.of(), true);
  }

  @Test
  void skippedGpioDevicesDoNotFailTheSiteAndAGpioFailureSaysWhatToCheck() {
    DeviceResult ok = device("ph-01", new PointResult("ph", "7.1", "pH", true, "ok", null));
    DeviceResult skipped =
        DeviceResult.skipped("sos-01", "elderly-care/sos-button", 22, "--skip-gpio");
    PointResult noChange =
        new PointResult(
            "open",
            "low",
            null,
            null,
            "no change within 3 s",
            "stayed low (closed): check the wiring");
    DeviceResult door =
        new DeviceResult(
            "door-01",
            "buildings/door-contact",
            "gpio",
            null,
            0,
            5,
            noChange.status(),
            null,
            List.of(noChange));

    CommissionReport passing = report(List.of(ok, skipped), UPLINK_OK);
    assertThat(passing.passed()).isTrue();
    assertThat(table(passing).lines())
        .anyMatch(
            l ->
                l.matches(
                    "sos-01\\s+elderly-care/sos-button(\\s+-){4}\\s+skipped \\(--skip-gpio\\)"))
        .contains("PASS: 2 device(s), 0 failing, 1 skipped, uplink ok");
    assertThat(passing.toJson()).contains("\"status\": \"skipped\"").contains("\"pin\": 22");

    CommissionReport failing = report(List.of(ok, skipped, door), UPLINK_OK);
    assertThat(failing.passed()).isFalse();
    assertThat(table(failing).lines())
        .anyMatch(
            l ->
                l.matches(
                    "door-01\\s+buildings/door-contact\\s+open\\s+low\\s+-\\s+-\\s+no change within"
                        + " 3 s \\(stayed low \\(closed\\): check the wiring\\)"))
        .contains("FAIL: 3 device(s), 1 failing, 1 skipped, uplink ok");
    // a bus device's record has no pin
    assertThat(report(List.of(ok), UPLINK_OK).toJson()).doesNotContain("\"pin\"");
  }

  @Test
  void jsonEscapesStringsAndCarriesEveryResult() {
    CommissionReport r =
        report(
            List.of(
                device(
                    "ph-01",
                    new PointResult("ph", "7.1", "pH", true, "ok", null),
                    new PointResult("name", null, "", null, "timeout", "timeout")),
                DeviceResult.notChecked(
                    "door-1", "gpio/door", "gpio", null, 0, "line\nbreak\u0001")),
            List.of(
                new UplinkStep("DNS", true, "a \"quoted\" host"),
                new UplinkStep("TCP", false, "refused")));

    String json = r.toJson();

    assertThat(json)
        .contains("\"gateway_id\": \"yc-\\\"0001\\\"\"")
        .contains("\"site_file\": \"C:\\\\sites\\\\a\\tb.yaml\"")
        .contains("\"site_sha256\": \"ab12\"")
        .contains("\"time\": \"2026-11-29T06:00:00Z\"")
        .contains("\"firmware_version\": \"0.1.0\"")
        .contains("\"result\": \"FAIL\"")
        .contains("\"in_range\": true")
        .contains("\"in_range\": null")
        .contains("\"value\": null")
        .contains("\"status\": \"timeout\"")
        .contains("\"note\": \"line\\nbreak\\u0001\"")
        .contains("\"bus\": null")
        .contains("\"detail\": \"a \\\"quoted\\\" host\"")
        .contains("\"ok\": false");
    // balanced and with no raw control character inside a string
    assertThat(json.chars().filter(c -> c == '{').count())
        .isEqualTo(json.chars().filter(c -> c == '}').count());
    assertThat(json.replace("\n", "")).doesNotContainPattern("[\\x00-\\x1f]");
  }

  @Test
  void stepsAreParsedFromTheUplinkChecksOutput() {
    List<UplinkStep> steps =
        CommissionCommand.steps(
            "checking ssl://localhost:8883 as gateway g of a\n"
                + "1. DNS: OK (localhost is 127.0.0.1)\n"
                + "2. TCP: FAILED: cannot connect to localhost/127.0.0.1:1 (Connection refused)\n"
                + "   check: the port in uplink.url\n");

    assertThat(steps)
        .containsExactly(
            new UplinkStep("DNS", true, "localhost is 127.0.0.1"),
            new UplinkStep(
                "TCP", false, "cannot connect to localhost/127.0.0.1:1 (Connection refused)"));
    assertThat(
            CommissionCommand.steps(
                "site file: FAILED: it has no uplink section: nothing to check\n"))
        .containsExactly(
            new UplinkStep("site file", false, "it has no uplink section: nothing to check"));
  }
}
