package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiteReaderTest {

  static final Path SITES = Path.of("src/test/resources/sites").toAbsolutePath();

  /** The profiles the distribution ships, at the top of the repository. */
  static final Path DISTRIBUTION = Path.of("../../device-profiles").toAbsolutePath().normalize();

  @Test
  void readsAValidSite() {
    SiteReport report = read("valid.yaml");

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    Site site = report.site();
    assertThat(site.gateway()).isEqualTo(new Site.Gateway("yc-agri-0042", "yichang"));
    assertThat(site.profileDirs()).containsExactly(SITES.resolve("profiles"));
    assertThat(site.buses())
        .containsExactly(
            new Site.Bus(
                "rs485-1", "serial", "/dev/ttyUSB0", 9600, "none", 8, 1, Duration.ofMillis(500)),
            new Site.Bus(
                "rs485-2", "serial", "/dev/ttyUSB1", 19200, "even", 8, 1, Duration.ofMillis(250)));
    assertThat(site.devices())
        .extracting(
            Site.Device::id,
            Site.Device::bus,
            Site.Device::unit,
            Site.Device::poll,
            Site.Device::protocol)
        .containsExactly(
            tuple("soil-01", "rs485-1", 1, Duration.ofSeconds(10), "modbus-rtu"),
            tuple("soil-02", "rs485-1", 2, Duration.ofSeconds(10), "modbus-rtu"),
            tuple("ph-01", "rs485-2", 1, Duration.ofMinutes(5), "modbus-rtu"),
            tuple("meter-01", "rs485-2", 7, Duration.ofMillis(250), "modbus-rtu"));
  }

  @Test
  void readsTheUplinkWithItsTlsFilesRelativeToTheSiteFile() {
    SiteReport report = read("valid-uplink.yaml");

    assertThat(report.errors()).isEmpty();
    Site.Uplink uplink = report.site().uplink();
    assertThat(uplink.url()).isEqualTo("ssl://platform.example:8883");
    assertThat(uplink.protocol()).isEqualTo("mqtt3");
    assertThat(uplink.appId()).isEqualTo("water");
    assertThat(uplink.inFlight()).isEqualTo(200);
    assertThat(uplink.tls().ca()).isAbsolute().endsWith(Path.of("sites/certs/ca.pem"));
    assertThat(report.site().store()).isEqualTo(Site.Store.defaults());
  }

  @Test
  void reportsEveryUplinkAndStoreProblemWithItsLine() {
    SiteReport report = read("uplink-problems.yaml");

    assertThat(report.errors())
        .extracting(SiteReaderTest::location)
        .containsExactly(
            "uplink-problems.yaml:3: uplink.url",
            "uplink-problems.yaml:4: uplink.protocol",
            "uplink-problems.yaml:5: uplink.app-id",
            "uplink-problems.yaml:6: uplink.keepalive",
            "uplink-problems.yaml:7: uplink.tls.pin",
            "uplink-problems.yaml:7: uplink.tls.ca",
            "uplink-problems.yaml:8: store.max-mb",
            "uplink-problems.yaml:8: store.commit-interval");
    assertThat(report.errors().get(0).message()).contains("allow-plaintext: true");
  }

  /**
   * The uplink's keepalive.s is an int: 4294967297s became 1 s on the way, inside the uplink's
   * range, so nobody refused it. MQTT's keep alive is at most 65535 s.
   */
  @Test
  void refusesAKeepaliveAboveMqttsLimitAtItsKey(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        "gateway: {id: gw-1, account: yichang}\n"
            + "uplink:\n"
            + "  url: tcp://localhost:1883\n"
            + "  allow-plaintext: true\n"
            + "  keepalive: 4294967297s\n");

    SiteReport report = SiteReader.read(site, null);

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.field()).isEqualTo("uplink.keepalive");
            });
    assertThat(report.errors().get(0).message()).contains("65535s");
  }

  @Test
  void warnsAboutABufferWithoutUplink() {
    SiteReport report = read("store-without-uplink.yaml");

    assertThat(report.errors()).isEmpty();
    assertThat(report.site().uplink()).isNull();
    assertThat(report.site().store().maxMb()).isEqualTo(16);
    assertThat(report.warnings())
        .extracting(SiteReaderTest::location)
        .containsExactly("store-without-uplink.yaml:4: store");
  }

  static Stream<Arguments> brokenSites() {
    return Stream.of(
        Arguments.of(
            "unknown-key.yaml", List.of("unknown-key.yaml:6: devices[0].pol"), "unknown key"),
        Arguments.of(
            "duplicate-bus-id.yaml",
            List.of("duplicate-bus-id.yaml:5: buses[1].id"),
            "duplicate bus id \"rs485-1\" (first at line 4)"),
        Arguments.of(
            "duplicate-device-id.yaml",
            List.of("duplicate-device-id.yaml:7: devices[1].id"),
            "duplicate device id \"soil-01\" (first at line 6)"),
        Arguments.of(
            "unknown-bus.yaml",
            List.of("unknown-bus.yaml:6: devices[0].bus"),
            "no bus \"rs485-9\" in this file (buses: rs485-1)"),
        Arguments.of(
            "unknown-profile.yaml",
            List.of("unknown-profile.yaml:6: devices[0].profile"),
            "no profile \"agriculture/soil-3in2\": looked for agriculture/soil-3in2.yaml in "
                + SITES.resolve("profiles")
                + ", "
                + DISTRIBUTION),
        Arguments.of(
            "duplicate-unit.yaml",
            List.of("duplicate-unit.yaml:7: devices[1].unit"),
            "unit 1 is already used on bus rs485-1 by device soil-01 (line 6)"),
        Arguments.of(
            "bad-duration.yaml",
            List.of("bad-duration.yaml:6: devices[0].poll"),
            "\"10sec\" is not a duration"),
        Arguments.of(
            "bad-type.yaml",
            List.of("bad-type.yaml:6: devices[0].unit"),
            "expected an integer, got \"one\""),
        Arguments.of(
            "bad-unit-range.yaml",
            List.of("bad-unit-range.yaml:6: devices[0].unit"),
            "248 is out of range 1..247"),
        Arguments.of(
            "bad-parity.yaml",
            List.of("bad-parity.yaml:3: buses[0].parity"),
            "expected one of none, even, odd, got \"mark\""),
        Arguments.of(
            "missing-port.yaml",
            List.of("missing-port.yaml:3: buses[0].port"),
            "missing (required)"),
        Arguments.of("yaml-syntax.yaml", List.of("yaml-syntax.yaml:4: yaml"), "not valid YAML"),
        Arguments.of(
            "not-a-mapping.yaml",
            List.of("not-a-mapping.yaml:1: yaml"),
            "expected a mapping of keys"),
        Arguments.of(
            "profile-bad-table.yaml",
            List.of(
                "profile-bad-table.yaml:6: devices[0].profile",
                "profiles/bad/table.yaml:6: points[0].table"),
            "profile \"bad/table\" ("
                + SITES.resolve("profiles/bad/table.yaml")
                + ") is invalid: 1 problem"),
        Arguments.of(
            "profile-bad-type.yaml",
            List.of(
                "profile-bad-type.yaml:6: devices[0].profile",
                "profiles/bad/type.yaml:7: points[1].type"),
            "is invalid"),
        Arguments.of(
            "profile-bad-bit.yaml",
            List.of(
                "profile-bad-bit.yaml:6: devices[0].profile",
                "profiles/bad/bit.yaml:6: points[0].bit"),
            "is invalid"),
        Arguments.of(
            "profile-bad-length.yaml",
            List.of(
                "profile-bad-length.yaml:6: devices[0].profile",
                "profiles/bad/length.yaml:6: points[0].length"),
            "is invalid"),
        Arguments.of(
            "profile-bad-unknown-key.yaml",
            List.of(
                "profile-bad-unknown-key.yaml:6: devices[0].profile",
                "profiles/bad/unknown-key.yaml:6: points[0].units"),
            "is invalid"),
        Arguments.of(
            "profile-bad-id-mismatch.yaml",
            List.of(
                "profile-bad-id-mismatch.yaml:6: devices[0].profile",
                "profiles/bad/id-mismatch.yaml:1: id"),
            "is invalid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSites")
  void reportsEachProblemWithFileLineAndField(String file, List<String> locations, String message) {
    SiteReport report = read(file);

    assertThat(report.site()).isNull();
    assertThat(report.errors())
        .extracting(SiteReaderTest::location)
        .containsExactlyElementsOf(locations);
    assertThat(report.errors().get(0).message()).contains(message);
  }

  @Test
  void reportsEveryProblemOfAFile() {
    SiteReport report = read("many-problems.yaml");

    assertThat(report.errors())
        .extracting(SiteReaderTest::line)
        .containsExactly(
            "many-problems.yaml:1: gateway.account: missing (required)",
            "many-problems.yaml:3: bus: unknown key (known keys here: gateway, profile-dirs, buses,"
                + " devices, uplink, store, remote, gpio, report, hj212)",
            "many-problems.yaml:6: buses[0].baud: expected an integer, got \"fast\"",
            "many-problems.yaml:6: buses[0].data-bits: 9 is out of range 7..8",
            "many-problems.yaml:7: buses[1].type: expected one of serial, got \"usb\"",
            "many-problems.yaml:7: buses[1].response-timeout: \"1\" is not a duration: expected a"
                + " whole number followed by ms, s, m or h (250ms, 10s, 5m, 1h)",
            "many-problems.yaml:7: buses[1].id: duplicate bus id \"rs485-1\" (first at line 6)",
            "many-problems.yaml:8: buses[2].id: \"rs 485\" is not a valid id: an id is 1 to 64"
                + " letters, digits, '.', '_' or '-', starting with a letter or digit",
            "many-problems.yaml:10: devices[0].poll: must be longer than 0",
            "many-problems.yaml:11: devices[1].id: duplicate device id \"soil-01\" (first at line 10)",
            "many-problems.yaml:11: devices[1].unit: unit 1 is already used on bus rs485-1 by device"
                + " soil-01 (line 10)",
            "many-problems.yaml:12: devices[2].bus: no bus \"rs485-3\" in this file (buses: rs485-1)",
            "many-problems.yaml:12: devices[2].profile: profile \"bad/table\" ("
                + SITES.resolve("profiles/bad/table.yaml")
                + ") is invalid: 1 problem, reported with its lines",
            "many-problems.yaml:13: devices[3].profile: profile \"bad/table\" ("
                + SITES.resolve("profiles/bad/table.yaml")
                + ") is invalid: 1 problem, reported with its lines",
            "many-problems.yaml:14: devices[4].profile: \"../etc/passwd\" is not a profile id: a"
                + " relative path like water/ph-orp, without .yaml",
            "many-problems.yaml:15: devices[5]: expected a mapping of keys",
            "profiles/bad/table.yaml:6: points[0].table: expected one of holding, input, coil,"
                + " discrete, got \"holdings\"");
  }

  private static SiteReport read(String file) {
    return SiteReader.read(SITES.resolve(file), DISTRIBUTION);
  }

  /** {@code file:line: field}, the file relative to the test sites. */
  static String location(Problem p) {
    return SITES.relativize(p.file()) + ":" + p.line() + ": " + p.field();
  }

  static String line(Problem p) {
    return location(p) + ": " + p.message();
  }
}
