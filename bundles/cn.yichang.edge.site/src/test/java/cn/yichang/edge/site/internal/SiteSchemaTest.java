package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The section descriptions drive both directions: a site file's every key becomes its property, and
 * the properties sent back as CONF-V1 edits become the same site file again.
 */
class SiteSchemaTest {

  /** Every key that has a property, none at its default. */
  static final String FULL =
      """
      gateway: {id: gw-9, account: acct}
      buses:
        - {id: rs485-1, type: serial, port: /dev/ttyUSB3, baud: 19200, parity: even,
           data-bits: 7, stop-bits: 2, response-timeout: 750ms}
      devices:
        - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 9, poll: 2m,
           report: {deadband: {moisture: 3%}}}
        - {id: sos-1, profile: elderly-care/sos-button, gpio: {pin: 22, pull: down}, poll: 5s}
      gpio: {provider: mock, script: events.yaml, script-scale: 0.25}
      store: {path: buf/other.db, max-mb: 12, commit-interval: 40ms, commit-max-messages: 77}
      report: {mode: on-change, heartbeat: 2h}
      remote: {commands: [uptime]}
      uplink:
        url: ssl://platform.example:8883
        protocol: mqtt3
        app-id: water
        in-flight: 20
        keepalive: 90s
        reconnect-min: 2s
        reconnect-max: 2m
        max-message: 4096
        tls: {ca: certs/ca.pem, cert: certs/gateway.pem, key: certs/gateway.key,
              password: s3cret, allow-loose-permissions: true}
      """;

  /** The same configurations' names, every key left out that may be. */
  static final String BARE =
      """
      gateway: {id: gw-9, account: acct}
      buses:
        - {id: rs485-1, type: serial, port: /dev/ttyUSB0}
      devices:
        - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1}
        - {id: sos-1, profile: elderly-care/sos-button, gpio: {pin: 5, pull: up}}
      gpio: {}
      store: {}
      remote: {commands: [uptime]}
      uplink:
        url: ssl://other.example:8883
        tls: {ca: certs/ca.pem, cert: certs/gateway.pem, key: certs/gateway.key}
      """;

  @TempDir Path dir;
  Path state;

  @BeforeEach
  void filesTheSitesName() throws Exception {
    state = dir.resolve("state");
    Files.createDirectories(dir.resolve("certs"));
    for (String f : List.of("ca.pem", "gateway.pem", "gateway.key")) {
      Files.copy(SiteReaderTest.SITES.resolve("certs").resolve(f), dir.resolve("certs").resolve(f));
    }
    Files.copy(SiteReaderTest.SITES.resolve("gpio/care-events.yaml"), dir.resolve("events.yaml"));
  }

  @Test
  void theConfigurationsOfASiteSentBackAsEditsMakeTheSameSiteFromABareOne() throws Exception {
    Map<String, Map<String, Object>> full = configurations(write("full.yaml", FULL));
    Path bareFile = write("bare.yaml", BARE);
    Map<String, Map<String, Object>> bare = configurations(bareFile);

    Map<String, Object> tree = SiteOverlay.tree(bareFile);
    List<String> problems = new ArrayList<>();
    SiteEdits edits = new SiteEdits(tree, problems);
    int edited = 0;
    for (Map.Entry<String, Map<String, Object>> c : full.entrySet()) {
      Map<String, Object> changed =
          RemoteSiteComponent.changedOnly(bare.get(c.getKey()), c.getValue());
      if (!changed.isEmpty()) {
        edits.apply(c.getKey(), changed);
        edited += changed.size();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(edited).as("properties that differ from the bare site's").isGreaterThanOrEqualTo(30);

    Path rebuilt = new SiteOverlay(bareFile, state).writeCandidate(tree);
    assertThat(comparable(configurations(rebuilt))).isEqualTo(comparable(full));
  }

  @Test
  void aGpioDevicesConfigurationAsShownIsNoChangeAndItsPinAndPullAreWrittenToItsGpio()
      throws Exception {
    Path bareFile = write("bare.yaml", BARE);
    String pid = "cn.yichang.edge.gpio.device~sos-1";
    Map<String, Object> shown = configurations(bareFile).get(pid);
    assertThat(shown).containsEntry("pin", 5).containsEntry("pull", "up");
    assertThat(RemoteSiteComponent.changedOnly(shown, new LinkedHashMap<>(shown))).isEmpty();

    Map<String, Object> tree = SiteOverlay.tree(bareFile);
    List<String> problems = new ArrayList<>();
    Map<String, Object> edit = new LinkedHashMap<>(shown);
    edit.put("pin", 17);
    edit.put("pull", "");
    new SiteEdits(tree, problems).apply(pid, RemoteSiteComponent.changedOnly(shown, edit));
    assertThat(problems).isEmpty();
    assertThat(device(tree, "sos-1")).containsEntry("gpio", Map.of("pin", 17L));

    // pin 0 is a pin (GPIO 0), not "no pin"
    new SiteEdits(tree, problems).apply(pid, Map.of("pin", 0));
    assertThat(problems).isEmpty();
    assertThat(device(tree, "sos-1")).containsEntry("gpio", Map.of("pin", 0L));
  }

  @Test
  void anEditTheSiteFileCannotSayIsRefusedNamingTheConfigurationAndProperty() throws Exception {
    Map<String, Object> tree = SiteOverlay.tree(write("bare.yaml", BARE));
    List<String> problems = new ArrayList<>();
    SiteEdits edits = new SiteEdits(tree, problems);
    edits.apply(SiteConfigurations.STORE_PID, Map.of("max.mb", "lots"));
    edits.apply(SiteConfigurations.STORE_PID, Map.of("destinations", new String[] {"x"}));
    edits.apply("cn.yichang.edge.bus~rs485-1", Map.of("parity", "mark", "colour", "red"));
    edits.apply("cn.yichang.edge.modbus.device~soil-01", Map.of("bus.target", "(bus.id=x)"));
    edits.apply(SiteConfigurations.COMMAND_PID, Map.of("allow", new String[] {"rm"}));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "cn.yichang.edge.store: max.mb: expected an integer, got lots",
            "cn.yichang.edge.store: destinations: follows the site's platforms",
            "cn.yichang.edge.bus~rs485-1: parity: expected one of none, even, odd, got mark",
            "cn.yichang.edge.bus~rs485-1: colour: unknown property",
            "cn.yichang.edge.modbus.device~soil-01: bus.target: follows bus; set bus instead",
            "cn.yichang.edge.remote.command: the commands the platform may run are set in the"
                + " site file on site");
  }

  @Test
  void aKeyLeftOutIsItsDefaultAndItsRangeIsRefusedAtItsLine() throws Exception {
    SiteReport report =
        SiteReader.read(
            write(
                "ranges.yaml",
                """
                gateway: {id: gw-9, account: acct}
                buses:
                  - {id: rs485-1, type: serial, port: /dev/ttyUSB0, response-timeout: 5ms}
                store: {commit-interval: 20s}
                uplink: {url: tcp://127.0.0.1:1883, allow-plaintext: true, keepalive: 70000s}
                """),
            SiteReaderTest.DISTRIBUTION);
    assertThat(report.errors())
        .extracting(Object::toString)
        .containsExactly(
            dir.resolve("ranges.yaml")
                + ":3: buses[0].response-timeout: must be between 10ms and 10s",
            dir.resolve("ranges.yaml") + ":4: store.commit-interval: must be between 1ms and 10s",
            dir.resolve("ranges.yaml") + ":5: uplink.keepalive: must be between 1s and 65535s");

    Site site = SiteReader.read(write("bare.yaml", BARE), SiteReaderTest.DISTRIBUTION).site();
    assertThat(site.buses().get(0).baud()).isEqualTo(SiteSchema.Bus.BAUD.defaultValue());
    assertThat(site.store()).isEqualTo(Site.Store.defaults());
    assertThat(site.uplink().keepalive()).isEqualTo(SiteSchema.Uplink.KEEPALIVE.defaultValue());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private Map<String, Map<String, Object>> configurations(Path file) {
    SiteReport report = SiteReader.read(file, SiteReaderTest.DISTRIBUTION);
    assertThat(report.errors()).as(file.toString()).isEmpty();
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    for (SiteConfigurations.Desired d :
        SiteConfigurations.of(report.site(), SiteReaderTest.DISTRIBUTION, state)) {
      configs.put(d.toString(), d.properties());
    }
    return configs;
  }

  /** Arrays as lists, so that equal configurations compare equal. */
  private static Map<String, Map<String, Object>> comparable(Map<String, Map<String, Object>> c) {
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    c.forEach(
        (pid, props) -> {
          Map<String, Object> p = new LinkedHashMap<>();
          props.forEach((k, v) -> p.put(k, v instanceof Object[] a ? List.of(a) : v));
          result.put(pid, p);
        });
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> device(Map<String, Object> tree, String id) {
    for (Object o : (List<Object>) tree.get("devices")) {
      if (id.equals(((Map<String, Object>) o).get("id"))) {
        return (Map<String, Object>) o;
      }
    }
    throw new AssertionError("no device " + id);
  }
}
