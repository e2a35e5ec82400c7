package cn.yichang.edge.sim.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.sim.RegisterMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped profile, served and read back with a decoder of the test's own. */
class ProfileUnitTest {

  /** The profiles shipped with the distribution, at the top of the repository. */
  static final Path SHIPPED = Path.of("../../device-profiles");

  static Stream<String> profiles() throws IOException {
    try (Stream<Path> files = Files.walk(SHIPPED)) {
      List<String> ids = new ArrayList<>();
      files
          .filter(f -> f.toString().endsWith(".yaml"))
          .map(f -> SHIPPED.relativize(f).toString().replace('\\', '/'))
          .map(f -> f.substring(0, f.length() - ".yaml".length()))
          .filter(ProfileUnitTest::modbus) // the others: SerialDeviceSimOnPtyTest
          .sorted()
          .forEach(ids::add);
      assertThat(ids).contains("agriculture/soil-3in1", "parking/geomagnetic-detector");
      return ids.stream();
    }
  }

  /**
   * The Modbus RTU ones: GPIO profiles have no registers to serve, serial ones another simulator.
   */
  static boolean modbus(String id) {
    try {
      return cn.yichang.edge.profile.yaml.ProfileReader.read(SHIPPED.resolve(id + ".yaml"), id)
          .protocol()
          .equals(cn.yichang.edge.profile.yaml.ProfileReader.MODBUS_RTU);
    } catch (cn.yichang.edge.profile.ProfileException e) {
      return true; // let the test report it
    }
  }

  static ProfileUnit load(String id, long seed) throws IOException {
    return ProfileUnit.load(List.of(SHIPPED), id, 7, seed);
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void registersDecodeToTheExpectedValues(String id) throws IOException {
    ProfileUnit unit = load(id, 42);
    assertThat(unit.profileId()).isEqualTo(id);
    assertThat(unit.unit().address()).isEqualTo(7);
    for (int step = 0; step < 60; step++) {
      Map<String, Object> expected = unit.expectedValues();
      assertThat(expected.keySet())
          .containsExactlyElementsOf(unit.profile().points().stream().map(Point::name).toList());
      for (Point point : unit.profile().points()) {
        Object decoded = IndependentDecoder.decode(unit.unit().registers(), point);
        Object value = expected.get(point.name());
        if (decoded instanceof Double d) {
          assertThat(value).as(point.name()).isInstanceOf(Double.class);
          assertThat((Double) value).as(point.name()).isCloseTo(d, within(resolution(point, d)));
        } else {
          assertThat(value).as(point.name()).isEqualTo(decoded);
        }
      }
      unit.advance(Duration.ofSeconds(97));
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void valuesStayInsideMinMaxForAWeek(String id) throws IOException {
    ProfileUnit unit = load(id, 3);
    for (int minute = 0; minute < 7 * 24 * 60; minute++) {
      unit.advance(Duration.ofMinutes(1));
      Map<String, Object> values = unit.expectedValues();
      for (Point point : unit.profile().points()) {
        if (values.get(point.name()) instanceof Number n) {
          assertThat(point.inRange(n.doubleValue()))
              .as("%s = %s at minute %d", point.name(), n, minute)
              .isTrue();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void countersNeverGoDown(String id) throws IOException {
    ProfileUnit unit = load(id, 11);
    Map<String, Double> last = new HashMap<>();
    Map<String, Double> first = new HashMap<>();
    List<String> counters =
        unit.profile().points().stream().filter(ModelChooser::isCounter).map(Point::name).toList();
    for (int minute = 0; minute < 3 * 24 * 60; minute++) {
      for (String name : counters) {
        double value = ((Number) unit.expectedValues().get(name)).doubleValue();
        Double before = last.put(name, value);
        first.putIfAbsent(name, value);
        assertThat(value)
            .as("%s at minute %d", name, minute)
            .isGreaterThanOrEqualTo(before == null ? value : before);
      }
      unit.advance(Duration.ofMinutes(1));
    }
    counters.forEach(
        name -> assertThat(last.get(name)).as(name + " counts").isGreaterThan(first.get(name)));
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void aSeedGivesTheSameSequenceAndAnotherSeedAnother(String id) throws IOException {
    ProfileUnit a = load(id, 5);
    ProfileUnit b = load(id, 5);
    ProfileUnit c = load(id, 6);
    boolean differs = false;
    for (int step = 0; step < 200; step++) {
      assertThat(a.expectedValues()).isEqualTo(b.expectedValues());
      differs |= !a.expectedValues().equals(c.expectedValues());
      a.advance(Duration.ofSeconds(30));
      b.advance(Duration.ofSeconds(30));
      c.advance(Duration.ofSeconds(30));
    }
    assertThat(differs).isTrue();
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void everyNumberAndBoolMoves(String id) throws IOException {
    ProfileUnit unit = load(id, 9);
    Map<String, Object> start = unit.expectedValues();
    Map<String, Boolean> moved = new HashMap<>();
    for (int minute = 0; minute < 24 * 60; minute++) {
      unit.advance(Duration.ofMinutes(1));
      unit.expectedValues()
          .forEach((k, v) -> moved.merge(k, !v.equals(start.get(k)), Boolean::logicalOr));
    }
    for (Point point : unit.profile().points()) {
      if (point.type() != PointType.STRING) {
        assertThat(moved.get(point.name())).as(point.name() + " moves in a day").isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void servesTheGapsBetweenPointsAndNothingBeyond(String id) throws IOException {
    ProfileUnit unit = load(id, 1);
    RegisterMap map = unit.unit().registers();
    for (Point point : unit.profile().points()) {
      RegisterMap.Table table = RegisterMap.Table.valueOf(point.table().name());
      int last =
          unit.profile().points().stream()
              .filter(p -> p.table() == point.table())
              .mapToInt(p -> p.address() + p.span() - 1)
              .max()
              .orElseThrow();
      assertThat(map.get(table, last + 1)).as("after the last %s point", table).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void unknownProfileAndSearchOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ProfileUnit.load(List.of(dir, SHIPPED), "water/none", 1, 0))
        .isInstanceOf(NoSuchFileException.class);
    Files.createDirectories(dir.resolve("water"));
    Files.writeString(
        dir.resolve("water/ph-orp.yaml"),
        """
        id: water/ph-orp
        manufacturer: Site
        model: Shadow
        protocol: modbus-rtu
        points:
          - {name: only, table: input, address: 3, type: int16, min: -5, max: 5}
        """);
    ProfileUnit shadow = ProfileUnit.load(List.of(dir, SHIPPED), "water/ph-orp", 1, 0);
    assertThat(shadow.expectedValues()).containsOnlyKeys("only");
    Files.writeString(dir.resolve("water/ph-orp.yaml"), "id: water/ph-orp\n");
    assertThatThrownBy(() -> ProfileUnit.load(List.of(dir), "water/ph-orp", 1, 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("manufacturer");
  }

  /** Half a step of the register, or float precision for floats. */
  private static double resolution(Point point, double value) {
    boolean floating = point.type() == PointType.FLOAT32 || point.type() == PointType.FLOAT64;
    return floating ? Math.abs(value) * 1e-6 + 1e-9 : Math.abs(point.scale()) / 2;
  }
}
