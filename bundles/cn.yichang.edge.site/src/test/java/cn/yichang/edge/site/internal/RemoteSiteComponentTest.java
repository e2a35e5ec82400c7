package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.site.SiteChangeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteSiteComponentTest {
  static final String SOIL = "cn.yichang.edge.modbus.device~soil-01";
  static final String METER = "cn.yichang.edge.modbus.device~meter-01";

  @TempDir Path dir;
  Path site;
  Path state;
  final InMemoryConfigAdmin admin = new InMemoryConfigAdmin();
  RemoteSiteComponent remote;

  @BeforeEach
  void provisionTheInstallersFile() throws Exception {
    // a copy with its site profiles beside it, as the installer would have it
    site = dir.resolve("etc/site.yaml");
    Files.createDirectories(site.getParent());
    Files.copy(SiteReaderTest.SITES.resolve("valid.yaml"), site);
    copyTree(SiteReaderTest.SITES.resolve("profiles"), site.getParent().resolve("profiles"));
    state = dir.resolve("state");
    assertThat(provisionAsAtStart()).isTrue();
    remote = remote();
  }

  RemoteSiteComponent remote() {
    return new RemoteSiteComponent(
        site,
        SiteReaderTest.DISTRIBUTION,
        state,
        admin,
        Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
  }

  boolean provisionAsAtStart() {
    return SiteProvisioner.provision(
        SiteProvisioner.effective(site.toString(), state),
        SiteReaderTest.DISTRIBUTION.toString(),
        state,
        admin);
  }

  @Test
  void aChangedPollIntervalUpdatesOnlyThatDeviceAndOutlivesARestart() throws Exception {
    admin.clearCounts();

    long snapshot = remote.change(Map.of(SOIL, Map.of("poll.ms", 2000L, "id", "soil-01")));

    assertThat(admin.properties(SOIL)).containsEntry("poll.ms", 2000L);
    assertThat(admin.updates).containsExactly(SOIL);
    assertThat(remote.snapshots()).containsExactly(snapshot);
    assertThat(remote.snapshot(snapshot).get(SOIL)).containsEntry("poll.ms", 10_000L);

    // a restart provisions the overlay, not the installer's file: nothing to update
    admin.clearCounts();
    assertThat(provisionAsAtStart()).isTrue();
    assertThat(admin.updates).isEmpty();
    assertThat(admin.properties(SOIL)).containsEntry("poll.ms", 2000L);
  }

  @Test
  void anInvalidChangeChangesNothingAndSaysWhyWithTheField() throws Exception {
    admin.clearCounts();

    assertThatThrownBy(() -> remote.change(Map.of(METER, Map.of("unit", 1))))
        .isInstanceOf(SiteChangeException.class)
        .hasMessageContaining("unit")
        .hasMessageContaining("rs485-2");
    assertThatThrownBy(() -> remote.change(Map.of(SOIL, Map.of("poll.ms", "often"))))
        .hasMessageContaining("poll.ms: expected a number of milliseconds");
    assertThatThrownBy(() -> remote.change(Map.of(SOIL, Map.of("colour", "red"))))
        .hasMessageContaining(SOIL + ": colour: unknown property");
    assertThatThrownBy(() -> remote.change(Map.of("cn.yichang.edge.bus~nope", Map.of("baud", 1))))
        .hasMessageContaining("no such configuration");
    assertThatThrownBy(
            () -> remote.change(Map.of("cn.yichang.edge.gateway", Map.of("id", "other"))))
        .hasMessageContaining("identity");

    assertThat(admin.updates).isEmpty();
    assertThat(remote.snapshots()).isEmpty();
    assertThat(state.resolve("remote/site.yaml")).doesNotExist();
  }

  @Test
  void rollbackRestoresTheStateBeforeTheChange() throws Exception {
    long before = remote.change(Map.of(SOIL, Map.of("poll.ms", 2000L)));
    remote.change(Map.of("cn.yichang.edge.bus~rs485-2", Map.of("baud", 38400)));
    assertThat(admin.properties("cn.yichang.edge.bus~rs485-2")).containsEntry("baud", 38400);

    admin.clearCounts();
    remote.rollback(before);

    assertThat(admin.properties(SOIL)).containsEntry("poll.ms", 10_000L);
    assertThat(admin.properties("cn.yichang.edge.bus~rs485-2")).containsEntry("baud", 19200);
    assertThat(admin.updates).containsExactlyInAnyOrder(SOIL, "cn.yichang.edge.bus~rs485-2");
    assertThat(remote.snapshots()).hasSize(3); // before each change and before the rollback

    remote.rollback(null); // the latest: the state just before the rollback
    assertThat(admin.properties(SOIL)).containsEntry("poll.ms", 2000L);
    assertThatThrownBy(() -> remote.rollback(42L))
        .isInstanceOfSatisfying(SiteChangeException.class, e -> assertThat(e.notFound()).isTrue());
  }

  @Test
  void aNewInstallerFileWinsOverOlderRemoteChanges() throws Exception {
    remote.change(Map.of(SOIL, Map.of("poll.ms", 2000L)));
    Files.writeString(
        site, Files.readString(site).replace("unit: 1, poll: 10s", "unit: 1, poll: 30s"));

    assertThat(provisionAsAtStart()).isTrue();

    assertThat(admin.properties(SOIL)).containsEntry("poll.ms", 30_000L);
    assertThat(remote().configurations().get(SOIL)).containsEntry("poll.ms", 30_000L);
  }

  @Test
  void everyConfigurationSentBackAsItWasReadIsNoChangeGpioDevicesIncluded() throws Exception {
    Path gpioSite = dir.resolve("care/site.yaml");
    Files.createDirectories(gpioSite.getParent());
    Path sites = SiteReaderTest.SITES.resolve("gpio");
    Files.copy(sites.resolve("valid-gpio.yaml"), gpioSite);
    Files.copy(sites.resolve("care-events.yaml"), gpioSite.resolveSibling("care-events.yaml"));
    site = gpioSite;
    state = dir.resolve("care-state");
    assertThat(provisionAsAtStart()).isTrue();
    RemoteSiteComponent care = remote();
    Map<String, Map<String, Object>> read = care.configurations();
    assertThat(read)
        .containsKeys("cn.yichang.edge.gpio.device~room-101-sos", "cn.yichang.edge.gpio");

    for (Map.Entry<String, Map<String, Object>> c : read.entrySet()) {
      care.change(Map.of(c.getKey(), c.getValue()));
    }
    // also with the numbers as strings, as some platforms' JSON sends them
    Map<String, Object> sos = new java.util.LinkedHashMap<>();
    read.get("cn.yichang.edge.gpio.device~room-101-sos").forEach((k, v) -> sos.put(k, "" + v));
    care.change(Map.of("cn.yichang.edge.gpio.device~room-101-sos", sos));

    assertThat(care.configurations()).isEqualTo(read);
    // a real change beside unchanged properties is still made
    Map<String, Object> pir = new java.util.LinkedHashMap<>(read.get(PIR));
    pir.put("poll.ms", 30_000L);
    care.change(Map.of(PIR, pir));
    assertThat(care.configurations().get(PIR)).containsEntry("poll.ms", 30_000L);
    // and a GPIO device's own pin and pull
    Map<String, Object> rewired = new java.util.LinkedHashMap<>(care.configurations().get(PIR));
    rewired.put("pin", 5);
    rewired.put("pull", "down");
    care.change(Map.of(PIR, rewired));
    assertThat(care.configurations().get(PIR))
        .containsEntry("pin", 5)
        .containsEntry("pull", "down");
    assertThat(Files.readString(state.resolve("remote/site.yaml")))
        .containsPattern("pin: 5[,}\\n ]")
        .contains("pull: down");
  }

  static final String PIR = "cn.yichang.edge.gpio.device~room-101-pir";
  static final String TELEMETRY = SiteConfigurations.TELEMETRY_PID;

  @Test
  void aChangeOfReportAppliesToTheTelemetryAndTheSiteFileAndItsRoundTripIsNoChange()
      throws Exception {
    Files.writeString(
        site, Files.readString(site) + "store: {}\nreport: {mode: on-change, heartbeat: 15m}\n");
    assertThat(provisionAsAtStart()).isTrue();
    RemoteSiteComponent r = remote();
    Map<String, Object> read = r.configurations().get(TELEMETRY);
    assertThat(read).containsEntry("report.mode", "on-change");
    assertThat((String[]) read.get("report.deadband")).contains("soil-01/moisture=0.5");

    admin.clearCounts();
    r.change(Map.of(TELEMETRY, read));
    assertThat(admin.updates).as("the configuration as read is no change").isEmpty();

    Map<String, Object> edit = new java.util.LinkedHashMap<>(read);
    edit.put("report.heartbeat.s", 600L);
    edit.put("report.deadband", new String[] {"soil-01/moisture=2%", "ph-01/ph=0.1"});
    r.change(Map.of(TELEMETRY, edit));
    assertThat(admin.updates).containsExactly(TELEMETRY);
    Map<String, Object> now = admin.properties(TELEMETRY);
    assertThat(now).containsEntry("report.heartbeat.s", 600L);
    // the site's bands over the profile's defaults: soil-01's others and soil-02's stay
    assertThat((String[]) now.get("report.deadband"))
        .contains("soil-01/moisture=2.0%", "soil-01/temperature=0.2", "ph-01/ph=0.1")
        .contains("soil-02/moisture=0.5");
    String overlay = Files.readString(state.resolve("remote/site.yaml"));
    assertThat(overlay).contains("heartbeat: 10m").contains("moisture: 2%");

    assertThatThrownBy(
            () ->
                r.change(
                    Map.of(TELEMETRY, Map.of("report.deadband", new String[] {"soil-01/ph=1"}))))
        .isInstanceOf(SiteChangeException.class)
        .hasMessageContaining("no point \"ph\"");
  }

  @Test
  void listsTheSitesConfigurations() {
    assertThat(remote.configurations().keySet())
        .contains("cn.yichang.edge.gateway", "cn.yichang.edge.bus~rs485-1", SOIL, METER)
        .doesNotContain("cn.yichang.edge.reading", "cn.yichang.edge.profile");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
