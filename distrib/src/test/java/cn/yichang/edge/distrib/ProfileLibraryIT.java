package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every Modbus RTU profile of the distribution's {@code device-profiles/}, found by walking the
 * directory (a new profile is covered without touching this test), served by the simulator on socat
 * ptys with RS-485 wire timing and read by the real gateway (bin/sanxia-edge run): every point
 * arrives with the value the simulated device serves, its unit, and inside its min/max; then the
 * device's values move on by three simulated hours and the gateway reads the new ones. Profiles of
 * other protocols are reported as skipped here: their own ITs read them end to end.
 */
class ProfileLibraryIT {

  private static final Path LIBRARY = GatewayProcess.HOME.resolve("device-profiles");
  private static final int BUSES = 2;
  private static final int BAUD = 19200;

  @TempDir static Path dir;

  private static final Map<String, Optional<String>> skipped = new LinkedHashMap<>();
  private static final Map<String, Device> devices = new LinkedHashMap<>();
  private static final List<AutoCloseable> resources = new ArrayList<>();
  private static GatewayProcess gateway;

  private record Device(String id, ProfileUnit unit) {}

  @BeforeAll
  static void serveTheLibraryAndStartTheGateway() throws Exception {
    List<List<ProfileUnit>> buses = new ArrayList<>();
    for (int b = 0; b < BUSES; b++) {
      buses.add(new ArrayList<>());
    }
    int n = 0;
    for (Path file : profileFiles()) {
      String id = id(file);
      String protocol = protocol(file);
      if (!ProfileReader.MODBUS_RTU.equals(protocol)) {
        skipped.put(id, Optional.ofNullable(protocol));
        continue;
      }
      DeviceProfile profile = ProfileReader.read(file, id);
      List<ProfileUnit> bus = buses.get(n % BUSES);
      ProfileUnit unit = ProfileUnit.of(profile, bus.size() + 1, 1000 + n);
      unit.advance(Duration.ofHours(5)); // away from the start values
      bus.add(unit);
      devices.put(id, new Device("dev-" + n, unit));
      n++;
    }
    assertThat(devices).as("Modbus profiles in " + LIBRARY).hasSizeGreaterThanOrEqualTo(13);

    StringBuilder site =
        new StringBuilder("gateway: {id: yc-it-library, account: yichang}\nbuses:\n");
    StringBuilder devicesYaml = new StringBuilder("devices:\n");
    for (int b = 0; b < BUSES; b++) {
      SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW" + b, "ttyDEV" + b);
      resources.add(pty);
      resources.add(
          PacedRtuSlave.start(
              new LineSettings(pty.deviceEnd().toString(), BAUD, Parity.NONE, 8, 1),
              Timing.WIRE,
              buses.get(b).stream().map(ProfileUnit::unit).toArray(SimulatedUnit[]::new)));
      site.append(
          "  - {id: rs485-%d, type: serial, port: %s, baud: %d}\n"
              .formatted(b, pty.masterEnd(), BAUD));
      for (ProfileUnit unit : buses.get(b)) {
        devicesYaml.append(
            "  - {id: %s, profile: %s, bus: rs485-%d, unit: %d, poll: 1s}\n"
                .formatted(
                    devices.get(unit.profileId()).id(),
                    unit.profileId(),
                    b,
                    unit.unit().address()));
      }
    }
    gateway =
        GatewayProcess.start(
            "run",
            "--config",
            SiteFiles.write(dir, site.append(devicesYaml).toString()).toString());
  }

  @AfterAll
  static void stop() throws Exception {
    if (gateway != null) {
      assertThat(gateway.terminate()).isZero();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedProfileIsReadEndToEnd() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : profileFiles()) {
      String id = id(file);
      if (skipped.containsKey(id)) {
        String protocol = skipped.get(id).orElse("(none)");
        tests.add(
            DynamicTest.dynamicTest(
                id,
                () ->
                    Assumptions.abort(
                        "protocol "
                            + protocol
                            + ", not modbus-rtu: read end to end by that protocol's own IT")));
      } else {
        tests.add(DynamicTest.dynamicTest(id, () -> readsEveryPoint(devices.get(id))));
      }
    }
    return tests.stream();
  }

  private static void readsEveryPoint(Device device) {
    ProfileUnit unit = device.unit();
    Map<String, Object> before = unit.expectedValues();
    Map<String, String> first = awaitReading(device, before);
    unit.advance(Duration.ofHours(3));
    Map<String, Object> after = unit.expectedValues();
    Map<String, String> second = awaitReading(device, after);
    if (!after.equals(before)) {
      assertThat(second).as("values moved").isNotEqualTo(first);
    }
  }

  /** Waits for a reading set of the device that carries exactly the values now served. */
  private static Map<String, String> awaitReading(Device device, Map<String, Object> expected) {
    DeviceProfile profile = device.unit().profile();
    List<Map<String, String>> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              List<String> lines =
                  gateway.linesMatching(l -> ReadingLine.isReading(l, device.id()));
              assertThat(lines).as("readings of " + device.id()).isNotEmpty();
              String line = lines.get(lines.size() - 1);
              assertThat(ReadingLine.parse(line).errors()).as(line).isEmpty();
              Map<String, String> values = new LinkedHashMap<>();
              for (Point point : profile.points()) {
                values.put(point.name(), checkPoint(line, point, expected.get(point.name())));
              }
              seen.add(values);
            });
    return seen.get(seen.size() - 1);
  }

  /** The point's value in the line, checked against the served value, unit and range. */
  private static String checkPoint(String line, Point point, Object expected) {
    Matcher m =
        Pattern.compile(
                "(?:: |, )"
                    + Pattern.quote(point.name())
                    + "=(\"(?:[^\"\\\\]|\\\\.)*\"|[^ ,]+)( [^ ,(]+)?( \\(out of range\\))?(?=, |$)")
            .matcher(line);
    assertThat(m.find()).as(point.name() + " in " + line).isTrue();
    String value = m.group(1);
    String unit = m.group(2) == null ? null : m.group(2).substring(1);
    assertThat(m.group(3)).as(point.name() + " out of range in " + line).isNull();
    assertThat(unit).as(point.name() + " unit").isEqualTo(point.unit());
    if (expected instanceof Double d) {
      double v = Double.parseDouble(value);
      assertThat(v).as(point.name()).isCloseTo(d, within(Math.abs(d) * 1e-6 + 1e-9));
      assertThat(point.inRange(v)).as(point.name() + "=" + v + " in range").isTrue();
    } else if (expected instanceof Long l) {
      assertThat(Long.parseLong(value)).as(point.name()).isEqualTo(l);
      assertThat(point.inRange(l)).as(point.name() + "=" + l + " in range").isTrue();
    } else if (expected instanceof String s) {
      assertThat(value).as(point.name()).isEqualTo("\"" + s + "\"");
    } else {
      assertThat(value).as(point.name()).isEqualTo(String.valueOf(expected));
    }
    return value;
  }

  private static List<Path> profileFiles() throws Exception {
    try (Stream<Path> files = Files.walk(LIBRARY)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String id(Path file) {
    String name = LIBRARY.relativize(file).toString().replace('\\', '/');
    return name.substring(0, name.length() - ".yaml".length());
  }

  /** The profile's {@code protocol:}, read without the profile reader (which may not know it). */
  private static String protocol(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object root = new Yaml().load(in);
      return root instanceof Map<?, ?> map && map.get("protocol") != null
          ? map.get("protocol").toString()
          : null;
    }
  }
}
