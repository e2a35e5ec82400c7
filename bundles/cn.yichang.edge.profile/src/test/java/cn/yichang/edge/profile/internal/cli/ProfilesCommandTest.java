package cn.yichang.edge.profile.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void library() throws Exception {
    write(
        "water/good.yaml",
        """
        id: water/good
        manufacturer: M
        model: Good probe
        protocol: modbus-rtu
        points:
          - {name: ph, table: holding, address: 0, type: uint16, scale: 0.01, unit: "[pH]", min: 0, max: 14}
          - {name: flow, table: holding, address: 1, type: uint32, word-order: little, unit: m3/h}
          - {name: fault, table: holding, address: 3, type: bool, bit: 2}
        """);
  }

  @Test
  void listsIdProtocolModelAndPointCount() throws Exception {
    write("x/broken.yaml", "id: x/broken\n");

    assertThat(run("list", dir.toString())).isEqualTo(ProfilesCommand.OK);

    assertThat(lines(out))
        .containsExactly(
            "ID          PROTOCOL    MODEL                  POINTS",
            "water/good  modbus-rtu  Good probe             3",
            "x/broken    -           (invalid: 4 problems)  -");
  }

  @Test
  void showsThePointsAsATable() {
    assertThat(run("--default-dir", dir.toString(), "show", "water/good"))
        .isEqualTo(ProfilesCommand.OK);

    assertThat(lines(out))
        .contains(
            "water/good: M Good probe",
            "NAME   REGISTER         TYPE           SCALE  UNIT  RANGE",
            "ph     holding 0        uint16         x0.01  [pH]  0..14",
            "flow   holding 1-2      uint32 little         m3/h",
            "fault  holding 3 bit 2  bool");
  }

  @Test
  void showOfAnUnknownOrInvalidProfileFails() throws Exception {
    Path broken = write("x/broken.yaml", "id: x/broken\nmanufacturer: M\n");

    assertThat(run("show", "water/none", dir.toString())).isEqualTo(ProfilesCommand.PROBLEMS);
    assertThat(run("show", "x/broken", dir.toString())).isEqualTo(ProfilesCommand.PROBLEMS);

    assertThat(lines(out))
        .contains("profiles: no profile water/none under " + dir)
        .contains(broken + ":1: model: missing (required)");
  }

  @Test
  void validateReportsReaderProblemsAndLintsWithFileLineAndField() throws Exception {
    Path bad =
        write(
            "water/bad.yaml",
            """
            id: water/bad
            manufacturer: M
            model: Bad
            protocol: modbus-rtu
            points:
              - {name: a, table: holding, address: 0, type: string}
              - {name: b, table: holding, address: 1, type: uint16, min: 5, max: 1}
            """);
    Path lint =
        write(
            "water/lint.yaml",
            """
            id: water/lint
            manufacturer: M
            model: Lint
            protocol: modbus-rtu
            points:
              - {name: a, table: holding, address: 0, type: uint32, unit: NTU}
              - {name: b, table: holding, address: 1, type: uint16, max: 70000}
            """);

    assertThat(run("validate", dir.toString())).isEqualTo(ProfilesCommand.PROBLEMS);

    assertThat(lines(out))
        .containsExactly(
            bad + ":6: points[0].length: missing: a string needs its length in registers",
            bad + ":7: points[1].min: min 5.0 is greater than max 1.0",
            lint + ":6: points[0].unit: \"NTU\" is not a UCUM code; write \"{NTU}\"",
            lint
                + ":7: points[1].address: holding register 1 overlap registers 0..1 of points[0]"
                + " a (line 6)",
            dir + ": 4 problems in 2 of 3 profiles, 1 warning");
    assertThat(lines(err))
        .containsExactly(
            lint
                + ":7: points[1].max: warning: max 70000 cannot be reached: a uint16 holds"
                + " 0..65535");
  }

  @Test
  void validateOfAGoodLibraryExitsZero() {
    assertThat(run("--default-dir", dir.toString(), "validate")).isEqualTo(ProfilesCommand.OK);
    assertThat(lines(out)).containsExactly(dir + ": 1 profiles valid");
  }

  @Test
  void usageErrorsAndMissingDirectories() {
    assertThat(run()).isEqualTo(ProfilesCommand.USAGE);
    assertThat(run("frobnicate", dir.toString())).isEqualTo(ProfilesCommand.USAGE);
    assertThat(run("show")).isEqualTo(ProfilesCommand.USAGE);
    assertThat(run("validate", "--strict", dir.toString())).isEqualTo(ProfilesCommand.USAGE);
    assertThat(run("validate", dir.resolve("none").toString())).isEqualTo(ProfilesCommand.PROBLEMS);
    assertThat(lines(out))
        .containsExactly(dir.resolve("none") + ": not a profile directory: no such directory");
  }

  private int run(String... args) {
    return ProfilesCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static List<String> lines(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
