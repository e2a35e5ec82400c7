package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/sanxia-edge profiles list | show | validate, through the script, on the shipped library. */
class ProfilesCommandIT {

  private static final Path LIBRARY = GatewayProcess.HOME.resolve("device-profiles");

  @TempDir Path dir;

  @Test
  void listsEveryShippedProfile() throws Exception {
    GatewayProcess.Result result = GatewayProcess.run("profiles", "list");

    assertThat(result.exitCode()).isZero();
    List<String> ids;
    try (Stream<Path> files = Files.walk(LIBRARY)) {
      ids =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .map(f -> LIBRARY.relativize(f).toString())
              .map(f -> f.substring(0, f.length() - ".yaml".length()))
              .toList();
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(14);
    assertThat(result.output().get(0)).matches("ID +PROTOCOL +MODEL +POINTS");
    assertThat(result.output().subList(1, result.output().size()))
        .hasSize(ids.size())
        .allSatisfy(l -> assertThat(l).matches("\\S+  +\\S+  +.+  +\\d+"));
    assertThat(result.output())
        .anyMatch(l -> l.matches("water/multi-sonde +modbus-rtu +Multi-parameter .* +9"));
  }

  @Test
  void showsAProfileAsATable() throws Exception {
    GatewayProcess.Result result = GatewayProcess.run("profiles", "show", "water/ph-orp");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .anyMatch(l -> l.matches("ph +holding 0 +uint16 +x0\\.01 +\\[pH] +0\\.\\.14"))
        .anyMatch(l -> l.matches("temperature +input 8-9 +float32 little +Cel +-10\\.\\.100"));
    assertThat(GatewayProcess.run("profiles", "show", "water/none").exitCode()).isEqualTo(2);
  }

  @Test
  void theShippedLibraryIsValid() throws Exception {
    GatewayProcess.Result result = GatewayProcess.run("profiles", "validate");

    assertThat(result.exitCode()).as(String.join("\n", result.output())).isZero();
    assertThat(result.output()).anyMatch(l -> l.matches(".*device-profiles: \\d+ profiles valid"));
    assertThat(result.output()).noneMatch(l -> l.contains("warning"));
  }

  @Test
  void aBrokenLibraryFailsWithFileLineAndField() throws Exception {
    Path water = Files.createDirectories(dir.resolve("water"));
    // reads, but the lints find errors
    Path probe = water.resolve("probe.yaml");
    Files.writeString(
        probe,
        """
        id: water/probe
        manufacturer: Acme
        model: P-1
        protocol: modbus-rtu
        points:
          - {name: level, table: holding, address: 0, type: uint32, unit: ppm}
          - {name: flag, table: holding, address: 1, type: bool, bit: 0, scale: 0.1}
        """);
    // does not read: the reader's problems (lints run once a profile reads)
    Path broken = water.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        id: water/wrong
        manufacturer: Acme
        model: P-2
        protocol: modbus-rtu
        points:
          - {name: label, table: holding, address: 4, type: string}
          - {name: temp, table: holding, address: 8, type: int16, min: 50, max: -50}
        """);

    GatewayProcess.Result result = GatewayProcess.run("profiles", "validate", dir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output())
        .contains(probe + ":6: points[0].unit: \"ppm\" is not a UCUM code; write \"[ppm]\"")
        .contains(probe + ":7: points[1].scale: a bool cannot be scaled: it is true or false")
        .anyMatch(l -> l.startsWith(probe + ":7: points[1].address: warning: bit 0 of holding"))
        .anyMatch(l -> l.startsWith(broken + ":1: id: \"water/wrong\" does not match"))
        .contains(broken + ":6: points[0].length: missing: a string needs its length in registers")
        .contains(broken + ":7: points[1].min: min 50.0 is greater than max -50.0")
        .anyMatch(l -> l.endsWith(": 5 problems in 2 of 2 profiles, 1 warning"));
  }
}
