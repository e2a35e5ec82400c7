package cn.yichang.edge.profile.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.yichang.edge.profile.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileDirectoriesTest {

  @TempDir Path site;
  @TempDir Path distribution;

  @Test
  void firstDirectoryHoldingTheFileWins() throws Exception {
    write(site, "water/ph", "site model");
    write(distribution, "water/ph", "distribution model");
    write(distribution, "water/orp", "orp model");
    ProfileDirectories dirs = new ProfileDirectories(List.of(site, distribution));

    assertThat(dirs.find("water/ph")).get().extracting(p -> p.model()).isEqualTo("site model");
    assertThat(dirs.find("water/orp")).get().extracting(p -> p.model()).isEqualTo("orp model");
    assertThat(dirs.find("water/none")).isEmpty();
    assertThat(dirs.candidates("water/none"))
        .containsExactly(site.resolve("water/none.yaml"), distribution.resolve("water/none.yaml"));
  }

  @Test
  void anInvalidProfileIsReportedNotSkipped() throws Exception {
    Files.createDirectories(site.resolve("x"));
    Files.writeString(site.resolve("x/y.yaml"), "id: x/z\n");
    write(distribution, "x/y", "valid");
    ProfileDirectories dirs = new ProfileDirectories(List.of(site, distribution));

    assertThatThrownBy(() -> dirs.find("x/y"))
        .isInstanceOfSatisfying(
            ProfileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.file(), p -> p.field())
                    .contains(tuple(site.resolve("x/y.yaml"), "id")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "a//b", ".hidden", "a/../b", "", "a b"})
  void refusesIdsThatAreNotPlainRelativePaths(String id) {
    assertThat(ProfileDirectories.isValidId(id)).isFalse();
    assertThatThrownBy(() -> new ProfileDirectories(List.of(site)).find(id))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"water/ph-orp", "agriculture/soil-3in1", "test/all_types", "flat", "v1.2/x"})
  void acceptsPlainIds(String id) {
    assertThat(ProfileDirectories.isValidId(id)).isTrue();
  }

  private static void write(Path dir, String id, String model) throws IOException {
    Path file = dir.resolve(id + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        id: %s
        manufacturer: Test
        model: %s
        protocol: modbus-rtu
        points:
          - {name: v, table: holding, address: 0, type: uint16}
        """
            .formatted(id, model));
  }
}
