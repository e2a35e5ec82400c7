package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

class SiteProvisionerTest {

  private static final Path SITES = SiteReaderTest.SITES;
  private static final Path DISTRIBUTION = SiteReaderTest.DISTRIBUTION;
  private static final Path STATE = Path.of("/var/lib/sanxia-edge");

  private final InMemoryConfigAdmin admin = new InMemoryConfigAdmin();

  @Test
  void writesEveryConfigurationOfAValidSite() {
    assertThat(provision(SITES.resolve("valid.yaml"))).isTrue();

    assertThat(admin.store.keySet())
        .containsExactlyInAnyOrder(
            "cn.yichang.edge.reading",
            "cn.yichang.edge.profile",
            "cn.yichang.edge.gateway",
            "cn.yichang.edge.bus~rs485-1",
            "cn.yichang.edge.bus~rs485-2",
            "cn.yichang.edge.modbus.device~soil-01",
            "cn.yichang.edge.modbus.device~soil-02",
            "cn.yichang.edge.modbus.device~ph-01",
            "cn.yichang.edge.modbus.device~meter-01");
    assertThat((String[]) admin.properties("cn.yichang.edge.profile").get("dirs"))
        .containsExactly(SITES.resolve("profiles").toString(), DISTRIBUTION.toString());
    assertThat(admin.properties("cn.yichang.edge.gateway"))
        .containsOnly(entry("id", "yc-agri-0042"), entry("account", "yichang"));
    assertThat(admin.properties("cn.yichang.edge.bus~rs485-2"))
        .containsOnly(
            entry("id", "rs485-2"),
            entry("port", "/dev/ttyUSB1"),
            entry("baud", 19200),
            entry("parity", "even"),
            entry("data.bits", 8),
            entry("stop.bits", 1),
            entry("response.timeout.ms", 250L));
    assertThat(admin.properties("cn.yichang.edge.modbus.device~meter-01"))
        .containsOnly(
            entry("id", "meter-01"),
            entry("profile", "ok/meter"),
            entry("bus", "rs485-2"),
            entry("unit", 7),
            entry("poll.ms", 250L),
            entry("bus.target", "(bus.id=rs485-2)"));
    assertThat(admin.factoryOf).containsEntry("cn.yichang.edge.bus~rs485-1", "cn.yichang.edge.bus");
  }

  @Test
  void anUnchangedSiteUpdatesNothing() {
    provision(SITES.resolve("valid.yaml"));
    admin.clearCounts();

    assertThat(provision(SITES.resolve("valid.yaml"))).isTrue();

    assertThat(admin.updates).isEmpty();
    assertThat(admin.deletions).isEmpty();
  }

  @Test
  void aChangedDeviceIsUpdatedAndARemovedOneDeleted(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    String valid = Files.readString(SITES.resolve("valid.yaml"));
    Files.writeString(
        site,
        valid.replace(
            "profile-dirs: [profiles]", "profile-dirs: [" + SITES.resolve("profiles") + "]"));
    provision(site);
    admin.clearCounts();

    Files.writeString(
        site,
        Files.readString(site)
            .replace(
                "  - {id: soil-02, profile: agriculture/soil-3in1, bus: rs485-1, unit: 2}\n", "")
            .replace("unit: 1, poll: 5m", "unit: 1, poll: 1m"));
    assertThat(provision(site)).isTrue();

    assertThat(admin.updates).containsExactly("cn.yichang.edge.modbus.device~ph-01");
    assertThat(admin.properties("cn.yichang.edge.modbus.device~ph-01"))
        .containsEntry("poll.ms", 60_000L);
    assertThat(admin.deletions).containsExactly("cn.yichang.edge.modbus.device~soil-02");
  }

  @Test
  void configurationsOfOwnedFactoriesNotInTheFileAreDeleted() {
    admin.put("cn.yichang.edge.bus~old", "cn.yichang.edge.bus", Map.of("id", "old"));
    admin.put("cn.yichang.edge.other~x", "cn.yichang.edge.other", Map.of("id", "x"));

    provision(SITES.resolve("valid.yaml"));

    assertThat(admin.deletions).containsExactly("cn.yichang.edge.bus~old");
    assertThat(admin.store).containsKey("cn.yichang.edge.other~x");
  }

  @Test
  void writesTheUplinkAndADefaultBufferThenDeletesThemWhenTheSectionGoes() throws Exception {
    assertThat(provision(SITES.resolve("valid-uplink.yaml"))).isTrue();

    assertThat(admin.properties("cn.yichang.edge.uplink"))
        .containsEntry("url", "ssl://platform.example:8883")
        .containsEntry("protocol", "mqtt3")
        .containsEntry("tls.ca", SITES.resolve("certs/ca.pem").toAbsolutePath().toString())
        .containsEntry("tls.p12", "")
        .containsEntry("allow.plaintext", false)
        .containsEntry("account", "yichang")
        .containsEntry("client.id", "yc-agri-0042")
        .containsEntry("app.id", "water")
        .containsEntry("in.flight", 200)
        .containsEntry("reconnect.max.ms", 300_000L)
        .containsEntry("max.message", 2048);
    assertThat(admin.properties("cn.yichang.edge.store"))
        .containsEntry("path", "/var/lib/sanxia-edge/buffer.db")
        .containsEntry("max.mb", 64)
        .containsEntry("commit.interval.ms", 250L);

    assertThat(admin.properties("cn.yichang.edge.reading"))
        .containsEntry("buffer.cardinality.minimum", 1);

    assertThat(provision(SITES.resolve("valid.yaml"))).isTrue();

    assertThat(admin.properties("cn.yichang.edge.reading"))
        .containsEntry("buffer.cardinality.minimum", 0);
    assertThat(admin.store.get("cn.yichang.edge.uplink")).isNull();
    assertThat(admin.store.get("cn.yichang.edge.store")).isNull();
  }

  @Test
  void anInvalidSiteProvisionsNothing() {
    ConfigurationAdmin untouched = mock(ConfigurationAdmin.class);

    assertThat(
            SiteProvisioner.provision(
                SITES.resolve("many-problems.yaml").toString(),
                DISTRIBUTION.toString(),
                STATE,
                untouched))
        .isFalse();

    verifyNoInteractions(untouched);
  }

  @Test
  void readsTheFrameworkPropertiesWhenActivated() {
    BundleContext context = mock(BundleContext.class);
    when(context.getProperty("sanxia.site")).thenReturn(SITES.resolve("valid.yaml").toString());
    when(context.getProperty("sanxia.profiles")).thenReturn(DISTRIBUTION.toString());

    SiteProvisioner provisioner = new SiteProvisioner(context, admin);

    assertThat(provisioner.provisioned()).isTrue();
    assertThat(admin.store).hasSize(9);
  }

  @Test
  void withoutASiteFileProvisionsNothing() {
    ConfigurationAdmin untouched = mock(ConfigurationAdmin.class);

    SiteProvisioner provisioner = new SiteProvisioner(mock(BundleContext.class), untouched);

    assertThat(provisioner.provisioned()).isFalse();
    verifyNoInteractions(untouched);
  }

  private boolean provision(Path site) {
    return SiteProvisioner.provision(site.toString(), DISTRIBUTION.toString(), STATE, admin);
  }
}
