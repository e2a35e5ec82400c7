package cn.yichang.edge.profile.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
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

class ProfileReaderTest {

  /** The profiles shipped with the distribution, at the top of the repository. */
  private static final Path SHIPPED = Path.of("../../device-profiles");

  private static final String HEAD =
      """
      id: t/p
      manufacturer: M
      model: X
      protocol: modbus-rtu
      points:
      """;

  @TempDir Path dir;

  @Test
  void readsTheIssueExampleWithDefaults() throws Exception {
    DeviceProfile p = ProfileReader.read(SHIPPED.resolve("water/ph-orp.yaml"), "water/ph-orp");

    assertThat(p.id()).isEqualTo("water/ph-orp");
    assertThat(p.protocol()).isEqualTo("modbus-rtu");
    assertThat(p.wordOrder()).isEqualTo(WordOrder.BIG);
    assertThat(p.maxGap()).isEqualTo(DeviceProfile.UNLIMITED_GAP);
    assertThat(p.turnaround()).isEqualTo(Duration.ofMillis(5));
    assertThat(p.points())
        .extracting(
            Point::name, Point::table, Point::address, Point::type, Point::wordOrder, Point::line)
        .containsExactly(
            tuple("ph", Table.HOLDING, 0, PointType.UINT16, WordOrder.BIG, 8),
            tuple("orp", Table.HOLDING, 1, PointType.INT16, WordOrder.BIG, 9),
            tuple("temperature", Table.INPUT, 8, PointType.FLOAT32, WordOrder.LITTLE, 10));
    Point ph = p.points().get(0);
    assertThat(ph.scale()).isEqualTo(0.01);
    assertThat(ph.offset()).isEqualTo(0.0);
    assertThat(ph.unit()).isEqualTo("[pH]");
    assertThat(ph.min()).isEqualTo(0.0);
    assertThat(ph.max()).isEqualTo(14.0);
    assertThat(p.points().get(1).scale()).isEqualTo(1.0);
  }

  @Test
  void readsEveryTypeOfTheTestProfile() throws Exception {
    DeviceProfile p = ProfileReader.read(SHIPPED.resolve("test/all-types.yaml"), "test/all-types");

    assertThat(p.points())
        .extracting(
            Point::name,
            Point::table,
            Point::address,
            Point::type,
            Point::wordOrder,
            Point::bit,
            Point::span)
        .containsExactly(
            tuple("i16", Table.HOLDING, 0, PointType.INT16, WordOrder.BIG, -1, 1),
            tuple("u16", Table.HOLDING, 1, PointType.UINT16, WordOrder.BIG, -1, 1),
            tuple("i32_big", Table.HOLDING, 2, PointType.INT32, WordOrder.BIG, -1, 2),
            tuple("i32_little", Table.HOLDING, 4, PointType.INT32, WordOrder.LITTLE, -1, 2),
            tuple("u32", Table.HOLDING, 6, PointType.UINT32, WordOrder.BIG, -1, 2),
            tuple("i64", Table.HOLDING, 8, PointType.INT64, WordOrder.BIG, -1, 4),
            tuple("f32_big", Table.HOLDING, 12, PointType.FLOAT32, WordOrder.BIG, -1, 2),
            tuple("f32_little", Table.HOLDING, 14, PointType.FLOAT32, WordOrder.LITTLE, -1, 2),
            tuple("f64", Table.HOLDING, 16, PointType.FLOAT64, WordOrder.BIG, -1, 4),
            tuple("flag_bit3", Table.HOLDING, 20, PointType.BOOL, WordOrder.BIG, 3, 1),
            tuple("label", Table.HOLDING, 21, PointType.STRING, WordOrder.BIG, -1, 4),
            tuple("scaled", Table.HOLDING, 25, PointType.UINT16, WordOrder.BIG, -1, 1),
            tuple("in_u16", Table.INPUT, 0, PointType.UINT16, WordOrder.BIG, -1, 1),
            tuple("coil0", Table.COIL, 0, PointType.BOOL, WordOrder.BIG, -1, 1),
            tuple("discrete0", Table.DISCRETE, 0, PointType.BOOL, WordOrder.BIG, -1, 1));
    assertThat(p.points().stream().filter(Point::writable).map(Point::name))
        .containsExactly("u16", "scaled", "coil0");
    Point scaled = p.points().get(11);
    assertThat(scaled.scale()).isEqualTo(0.1);
    assertThat(scaled.offset()).isEqualTo(-40.0);
    assertThat(scaled.scaled()).isTrue();
  }

  @Test
  void everyShippedProfileIsValidAndNamedByItsPath() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SHIPPED)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Path f : files) {
      String id = SHIPPED.relativize(f).toString().replace('\\', '/').replaceAll("\\.yaml$", "");
      assertThat(ProfileReader.read(f, id).id()).isEqualTo(id);
    }
  }

  @Test
  void readsProfileOptions() throws Exception {
    DeviceProfile p =
        read(
            """
            id: t/p
            manufacturer: M
            model: X
            protocol: modbus-rtu
            word-order: little
            max-gap: 0
            turnaround: 20ms
            points:
              - {name: a, table: input, address: 0x10, type: uint32}
              - {name: b, table: input, address: 18, type: uint32, word-order: big}
            """);

    assertThat(p.maxGap()).isZero();
    assertThat(p.turnaround()).isEqualTo(Duration.ofMillis(20));
    assertThat(p.points()).extracting(Point::address).containsExactly(16, 18);
    assertThat(p.points())
        .extracting(Point::wordOrder)
        .containsExactly(WordOrder.LITTLE, WordOrder.BIG);
  }

  static Stream<Arguments> brokenProfiles() {
    return Stream.of(
        Arguments.of(
            "bad table",
            "  - {name: a, table: holdings, address: 0, type: int16}\n",
            List.of(
                "6: points[0].table: expected one of holding, input, coil, discrete, got \"holdings\"")),
        Arguments.of(
            "bad type",
            "  - {name: a, table: holding, address: 0, type: int8}\n",
            List.of(
                "6: points[0].type: expected one of int16, uint16, int32, uint32, int64, float32,"
                    + " float64, bool, string, got \"int8\"")),
        Arguments.of(
            "address is text",
            "  - {name: a, table: holding, address: abc, type: int16}\n",
            List.of("6: points[0].address: expected an integer, got \"abc\"")),
        Arguments.of(
            "quoted address",
            "  - {name: a, table: holding, address: \"1\", type: int16}\n",
            List.of("6: points[0].address: expected an integer, got \"1\"")),
        Arguments.of(
            "address out of range",
            "  - {name: a, table: holding, address: 65536, type: int16}\n",
            List.of("6: points[0].address: 65536 is out of range 0..65535")),
        Arguments.of(
            "span past the end",
            "  - {name: a, table: holding, address: 65535, type: int32}\n"
                + "  - {name: b, table: holding, address: 65535, type: uint16}\n",
            List.of("6: points[0].address: the point's 2 registers from 65535 pass 65535")),
        Arguments.of(
            "bool register without bit",
            "  - {name: a, table: holding, address: 0, type: bool}\n",
            List.of("6: points[0].bit: missing: a bool in a holding register needs bit: 0..15")),
        Arguments.of(
            "bit out of range",
            "  - {name: a, table: input, address: 0, type: bool, bit: 16}\n",
            List.of("6: points[0].bit: 16 is out of range 0..15")),
        Arguments.of(
            "bit on a coil",
            "  - {name: a, table: coil, address: 0, type: bool, bit: 1}\n",
            List.of("6: points[0].bit: only for a bool in a holding or input register")),
        Arguments.of(
            "bit on an int",
            "  - {name: a, table: holding, address: 0, type: int16, bit: 1}\n",
            List.of("6: points[0].bit: only for a bool in a holding or input register")),
        Arguments.of(
            "coil of int",
            "  - {name: a, table: coil, address: 0, type: int16}\n",
            List.of("6: points[0].type: a coil holds one bit: its type must be bool")),
        Arguments.of(
            "string without length",
            "  - {name: a, table: holding, address: 0, type: string}\n",
            List.of("6: points[0].length: missing: a string needs its length in registers")),
        Arguments.of(
            "string length 0",
            "  - {name: a, table: holding, address: 0, type: string, length: 0}\n",
            List.of("6: points[0].length: 0 is out of range 1..125")),
        Arguments.of(
            "length on int",
            "  - {name: a, table: holding, address: 0, type: int16, length: 2}\n",
            List.of("6: points[0].length: only for type string")),
        Arguments.of(
            "unknown point key",
            "  - name: a\n    table: holding\n    address: 0\n    type: int16\n    sacle: 2\n",
            List.of(
                "10: points[0].sacle: unknown key (known keys here: name, table, address, type,"
                    + " word-order, bit, length, scale, offset, unit, min, max, writable, hj212,"
                    + " description)")),
        Arguments.of(
            "writable input register, discrete input, string and register bit",
            "  - {name: a, table: input, address: 0, type: int16, writable: true}\n"
                + "  - {name: b, table: discrete, address: 0, type: bool, writable: true}\n"
                + "  - {name: c, table: holding, address: 0, type: string, length: 2,"
                + " writable: true}\n"
                + "  - {name: d, table: holding, address: 2, type: bool, bit: 1, writable: true}\n"
                + "  - {name: e, table: holding, address: 3, type: int16, writable: yes please}\n",
            List.of(
                "6: points[0].writable: a input is read-only: only holding and coil points",
                "7: points[1].writable: a discrete is read-only: only holding and coil points",
                "8: points[2].writable: only numbers in holding registers and coils can be"
                    + " written, not a string",
                "9: points[3].writable: only numbers in holding registers and coils can be"
                    + " written, not a bit of a register",
                "10: points[4].writable: expected true or false, got \"yes please\"")),
        Arguments.of(
            "duplicate name",
            "  - {name: a, table: holding, address: 0, type: int16}\n"
                + "  - {name: a, table: holding, address: 1, type: int16}\n",
            List.of("7: points[1].name: duplicate point name \"a\" (first at line 6)")),
        Arguments.of(
            "min above max",
            "  - {name: a, table: holding, address: 0, type: int16, min: 5, max: 1}\n",
            List.of("6: points[0].min: min 5.0 is greater than max 1.0")),
        Arguments.of(
            "scale is text",
            "  - {name: a, table: holding, address: 0, type: int16, scale: x}\n",
            List.of("6: points[0].scale: expected a number, got \"x\"")),
        Arguments.of(
            "missing keys",
            "  - {name: a}\n",
            List.of(
                "6: points[0].table: missing (required)",
                "6: points[0].address: missing (required)",
                "6: points[0].type: missing (required)")),
        Arguments.of(
            "point not a mapping", "  - a\n", List.of("6: points[0]: expected a mapping of keys")),
        Arguments.of(
            "no points", "  []\n", List.of("6: points: a profile needs at least one point")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenProfiles")
  void reportsTheLineAndFieldOfEachProblem(String name, String points, List<String> expected)
      throws Exception {
    assertThat(problems(HEAD + points)).containsExactlyElementsOf(expected);
  }

  @Test
  void reportsProblemsOfTheProfileItself() throws Exception {
    assertThat(
            problems(
                """
                id: t/other
                manufacturer: M
                protocol: modbus-tcp
                word-order: middle
                max-gap: -1
                turnaround: 5
                colour: red
                points:
                  - {name: a, table: holding, address: 0, type: int16}
                """))
        .containsExactly(
            "1: model: missing (required)",
            "1: id: \"t/other\" does not match the file's path under its profile directory:"
                + " expected \"t/p\"",
            "3: protocol: \"modbus-tcp\" is not supported; supported: "
                + String.join(", ", ProfileReader.PROTOCOLS),
            "4: word-order: expected one of big, little, got \"middle\"",
            "5: max-gap: -1 is out of range 0..65535",
            "6: turnaround: \"5\" is not a duration: expected " + Durations.FORMAT,
            "7: colour: unknown key (known keys here: id, manufacturer, model, description,"
                + " protocol, word-order, max-gap, turnaround, points, report)");
  }

  @Test
  void aProfileGivesItsPointsDefaultDeadbands() throws Exception {
    DeviceProfile p =
        read(
            HEAD
                + "  - {name: moisture, table: holding, address: 0, type: uint16, scale: 0.1}\n"
                + "  - {name: temperature, table: holding, address: 1, type: int16, scale: 0.1}\n"
                + "report: {deadband: {moisture: 2%, temperature: 0.2}}\n");
    assertThat(p.deadbands())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("moisture", "2.0%", "temperature", "0.2"));
  }

  @Test
  void pointsCarryTheirHj212PollutantCodes() throws Exception {
    DeviceProfile p = ProfileReader.read(SHIPPED.resolve("water/ph-orp.yaml"), "water/ph-orp");
    assertThat(p.pollutantCodes())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("ph", "w01001", "temperature", "w01010"));

    Path line = dir.resolve("t/l.yaml");
    Files.createDirectories(line.getParent());
    Files.writeString(
        line,
        """
        id: t/l
        manufacturer: M
        model: X
        protocol: ascii-line
        lines:
          - fields: [{name: cod, index: 0, type: float64, hj212: w01018}, {name: x, index: 1, type: int64}]
        """);
    assertThat(ProfileReader.read(line, "t/l").pollutantCodes())
        .containsExactlyEntriesOf(java.util.Map.of("cod", "w01018"));
  }

  @Test
  void aPollutantCodeNotOfTheStandardsFormIsAProblemAtItsLine() throws Exception {
    assertThat(
            problems(
                HEAD
                    + "  - {name: ph, table: holding, address: 0, type: uint16}\n"
                    + "  - {name: t, table: holding, address: 1, type: uint16, hj212: W-0101}\n"))
        .containsExactly(
            "7: points[1].hj212: \"W-0101\" is not an HJ 212 pollutant code (a letter and five"
                + " letters or digits, e.g. w01001)");
  }

  @Test
  void aDeadbandOfAPointTheProfileLacksOrNotABandIsAProblemAtItsLine() throws Exception {
    assertThat(
            problems(
                HEAD
                    + "  - {name: moisture, table: holding, address: 0, type: uint16}\n"
                    + "report:\n"
                    + "  deadband: {moisture: lots, ph: 0.1}\n"
                    + "  mode: on-change\n"))
        .containsExactly(
            "8: report.deadband.moisture: deadband \"lots\": expected an amount of 0 or more"
                + " (0.05) or a percentage (2%)",
            "8: report.deadband.ph: no point \"ph\" (points: moisture)",
            "9: report.mode: unknown key (known keys here: deadband)");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirLine() throws Exception {
    assertThat(problems(HEAD + "  - {name: a, table: holding\n  - x\n"))
        .singleElement()
        .asString()
        .isEqualTo(
            "8: yaml: not valid YAML: expected ',' or '}', but got <stream end>"
                + " (while parsing a flow mapping)");
  }

  @Test
  void reportsDuplicateKeys() throws Exception {
    assertThat(
            problems(
                HEAD.replace("model: X\n", "model: X\nmodel: Y\n")
                    + "  - {name: a, table: coil, address: 0, type: bool}\n"))
        .containsExactly("4: model: duplicate key (first at line 3)");
  }

  @Test
  void reportsAnEmptyFileAndADocumentThatIsNotAMapping() throws Exception {
    assertThat(problems("# nothing\n")).containsExactly("1: yaml: the file is empty");
    assertThat(problems("- a\n- b\n")).containsExactly("1: yaml: expected a mapping of keys");
  }

  private DeviceProfile read(String yaml) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    return ProfileReader.read(file, "t/p");
  }

  /** Each problem as {@code line: field: message}, checking the file it names. */
  private List<String> problems(String yaml) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> ProfileReader.read(file, "t/p"));
    assertThat(e).as("expected problems").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
    return e.problems().stream()
        .map(p -> p.line() + ": " + p.field() + ": " + p.message())
        .toList();
  }
}
