package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report:} of the site and of devices, into the Kura telemetry stage's configuration. */
class ReportSectionTest {
  @TempDir Path dir;

  SiteReport read(String report, String soil, String extra) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        "gateway: {id: gw-1, account: acct}\n"
            + "buses:\n"
            + "  - {id: rs485-1, type: serial, port: /dev/ttyUSB0}\n"
            + "devices:\n"
            + "  - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1"
            + soil
            + "}\n"
            + "store: {}\n"
            + report
            + extra);
    return SiteReader.read(site, SiteReaderTest.DISTRIBUTION);
  }

  private Map<String, Object> telemetry(SiteReport report) {
    assertThat(report.errors()).isEmpty();
    return SiteConfigurations.of(report.site(), null, dir).stream()
        .filter(d -> d.name().equals(SiteConfigurations.TELEMETRY_PID))
        .findFirst()
        .orElseThrow()
        .properties();
  }

  @Test
  void theSitesModeAndHeartbeatAndADevicesDeadbandsBecomeTheTelemetryConfiguration()
      throws Exception {
    Map<String, Object> t =
        telemetry(
            read(
                "report: {mode: on-change, heartbeat: 15m}\n",
                ", report: {deadband: {moisture: 2%, temperature: 0.2}}",
                ""));
    assertThat(t)
        .containsEntry("report.mode", "on-change")
        .containsEntry("report.heartbeat.s", 900L)
        .containsEntry("account", "acct")
        .containsEntry("client.id", "gw-1")
        .containsEntry("app.id", "sensors")
        .containsEntry("state.dir", dir.toAbsolutePath().normalize().toString());
    assertThat((String[]) t.get("report.deadband"))
        .contains("soil-01/moisture=2.0%", "soil-01/temperature=0.2");
  }

  @Test
  void withoutReportEveryPollIsSentAndTheBufferIsFilledWithoutAnUplink() throws Exception {
    SiteReport report = read("", "", "");
    Map<String, Object> t = telemetry(report);
    assertThat(t)
        .containsEntry("report.mode", "every-poll")
        .containsEntry("report.heartbeat.s", 0L);
    Map<String, Object> reading =
        SiteConfigurations.of(report.site(), null, dir).stream()
            .filter(d -> d.name().equals(SiteConfigurations.READING_PID))
            .findFirst()
            .orElseThrow()
            .properties();
    assertThat(reading).containsEntry("buffer.cardinality.minimum", 1);
  }

  @Test
  void badReportSettingsAreProblemsAtTheirLines() throws Exception {
    SiteReport report =
        read(
            "report: {mode: sometimes, heartbeat: 0s, colour: red}\n",
            ", report: {deadband: {moisture: lots, ph: 0.1}, mode: on-change}",
            "");
    List<String> problems = new ArrayList<>();
    report.errors().stream().map(Problem::toString).forEach(problems::add);
    assertThat(problems)
        .anyMatch(
            p -> p.contains("site.yaml:7: report.mode: expected one of every-poll, on-change"))
        .anyMatch(p -> p.contains("site.yaml:7: report.heartbeat: must be between 1s and 168h"))
        .anyMatch(p -> p.contains("site.yaml:7: report.colour: unknown key"))
        .anyMatch(p -> p.contains("site.yaml:5: devices[0].report.deadband.moisture: deadband"))
        .anyMatch(p -> p.contains("site.yaml:5: devices[0].report.deadband.ph: no point \"ph\""))
        .anyMatch(p -> p.contains("site.yaml:5: devices[0].report.mode: unknown key"));
  }

  @Test
  void aHeartbeatUnderEveryPollIsRefused() throws Exception {
    assertThat(read("report: {heartbeat: 15m}\n", "", "").errors())
        .extracting(Problem::toString)
        .anyMatch(p -> p.contains("report.heartbeat: only with mode: on-change"));
  }
}
