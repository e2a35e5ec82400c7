package cn.yichang.edge.profile.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each lint on a small profile: the exact finding, with its line and field. */
class ProfileLintsTest {

  private static final String HEAD =
      """
      id: t/p
      manufacturer: M
      model: X
      protocol: modbus-rtu
      points:
      """;

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "two points on one register",
            """
              - {name: a, table: holding, address: 0, type: uint16}
              - {name: b, table: holding, address: 1, type: uint32}
              - {name: c, table: holding, address: 2, type: int16}
            """,
            List.of(
                "p.yaml:8: points[2].address: holding register 2 overlap registers 1..2 of"
                    + " points[1] b (line 7)")),
        Arguments.of(
            "bools on different bits are fine, the same bit twice is not",
            """
              - {name: a, table: input, address: 4, type: bool, bit: 0}
              - {name: b, table: input, address: 4, type: bool, bit: 1}
              - {name: c, table: input, address: 4, type: bool, bit: 1}
            """,
            List.of(
                "p.yaml:8: points[2].bit: bit 1 of input register 4 is also read by points[1] b"
                    + " (line 7)")),
        Arguments.of(
            "a flag that is also part of a whole value is a warning",
            """
              - {name: status, table: holding, address: 0, type: uint16}
              - {name: alarm, table: holding, address: 0, type: bool, bit: 3}
            """,
            List.of(
                "p.yaml:7: points[1].address: warning: bit 3 of holding register 0 is read both"
                    + " as a flag and as part of a whole value (with points[0] status (line 6))")),
        Arguments.of(
            "the same coil twice; the same address in another table is fine",
            """
              - {name: a, table: coil, address: 3, type: bool}
              - {name: b, table: discrete, address: 3, type: bool}
              - {name: c, table: coil, address: 3, type: bool}
            """,
            List.of("p.yaml:8: points[2].address: coil 3 is also read by points[0] a (line 6)")),
        Arguments.of(
            "a scale and an offset on a bool, a scale on a string",
            """
              - {name: a, table: coil, address: 0, type: bool, scale: 0.1, offset: 1}
              - {name: s, table: holding, address: 0, type: string, length: 4, scale: 2}
            """,
            List.of(
                "p.yaml:6: points[0].scale: a bool cannot be scaled: it is true or false",
                "p.yaml:6: points[0].offset: a bool takes no offset: it is true or false",
                "p.yaml:7: points[1].scale: a string cannot be scaled: it is text")),
        Arguments.of(
            "an unknown unit, a suspicious one, a unit on a bool",
            """
              - {name: a, table: holding, address: 0, type: uint16, unit: ppm}
              - {name: b, table: holding, address: 1, type: uint16, unit: us/cm}
              - {name: c, table: coil, address: 0, type: bool, unit: "%"}
              - {name: d, table: holding, address: 2, type: uint16, unit: "[NTU]"}
            """,
            List.of(
                "p.yaml:6: points[0].unit: \"ppm\" is not a UCUM code; write \"[ppm]\"",
                "p.yaml:7: points[1].unit: warning: \"us/cm\": did you mean uS/cm (us/cm is"
                    + " microseconds per centimetre)?",
                "p.yaml:8: points[2].unit: warning: a bool has no unit",
                "p.yaml:9: points[3].unit: \"[NTU]\" is not a UCUM code; write \"{NTU}\"")),
        Arguments.of(
            "a min or max the type cannot reach",
            """
              - {name: a, table: holding, address: 0, type: uint16, scale: 0.1, max: 10000}
              - {name: b, table: holding, address: 1, type: uint16, min: -5, max: 5}
              - {name: c, table: holding, address: 2, type: int16, scale: 0.1, offset: -40, min: -40, max: 80}
            """,
            List.of(
                "p.yaml:6: points[0].max: warning: max 10000 cannot be reached: a uint16 x 0.1"
                    + " holds 0..6553.5",
                "p.yaml:7: points[1].min: warning: min -5 cannot be reached: a uint16 holds"
                    + " 0..65535")),
        Arguments.of(
            "a block-style point: the finding is on the key's own line",
            """
              - name: a
                table: holding
                address: 0
                type: uint16
                unit: degC
            """,
            List.of("p.yaml:10: points[0].unit: \"degC\" is not a UCUM code; write \"Cel\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsAndLocates(String what, String points, List<String> expected) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, HEAD.replace("t/p", "p") + points);
    DeviceProfile profile = ProfileReader.read(file, "p");

    List<String> findings =
        ProfileLints.check(profile).stream()
            .map(Finding::toString)
            .map(f -> f.substring(dir.toString().length() + 1))
            .toList();

    assertThat(findings).containsExactlyElementsOf(expected);
  }

  @Test
  void unitsOfOtherProtocolsAreCheckedAtTheirFieldsLine() throws Exception {
    Path file = dir.resolve("a.yaml");
    Files.writeString(
        file,
        """
        id: a
        manufacturer: M
        model: X
        protocol: ascii-line
        terminator: "\\n"
        lines:
          - match: '^T=(?<t>[0-9.]+),H=(?<h>[0-9.]+)$'
            fields:
              - {name: temperature, group: t, type: float64, unit: degC}
              - {name: humidity, group: h, type: float64, unit: '%'}
        """);
    DeviceProfile profile = ProfileReader.read(file, "a");

    assertThat(ProfileLints.check(profile))
        .map(Finding::toString)
        .map(f -> f.substring(dir.toString().length() + 1))
        .containsExactly("a.yaml:9: temperature.unit: \"degC\" is not a UCUM code; write \"Cel\"");
  }

  @Test
  void theShippedLibraryHasNoFindings() throws Exception {
    Path shipped = Path.of("../../device-profiles");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        DeviceProfile profile = ProfileReader.read(file, null);
        assertThat(ProfileLints.check(profile)).as(file.toString()).isEmpty();
      }
    }
  }
}
