package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  private static final String SITES = "src/test/resources/sites/";
  private static final String PROFILES = "../../device-profiles";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aValidSiteExitsZeroWithASummary() {
    assertThat(run("--config", SITES + "valid.yaml", "--profiles", PROFILES)).isZero();

    assertThat(out()).containsExactly(SITES + "valid.yaml: valid (2 buses, 4 devices)");
    assertThat(err()).isEmpty();
  }

  @Test
  void aCheckThatFailsInItselfIsOneLineAtItsSectionNotAStackTrace() {
    int exit =
        ValidateCommand.run(
            new String[] {"--config", SITES + "valid.yaml", "--profiles", PROFILES},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            (pid, properties) -> {
              throw new IllegalStateException("boom in " + pid);
            });

    assertThat(exit).isEqualTo(2);
    assertThat(out())
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(SITES.replace(".", "\\.") + "valid\\.yaml:\\d+: .*")
                    .contains("cannot be checked: java.lang.IllegalStateException: boom in "));
    assertThat(err()).isEmpty();
  }

  @Test
  void acceptsTheEqualsForm() {
    assertThat(run("--config=" + SITES + "valid.yaml", "--profiles=" + PROFILES)).isZero();
  }

  @Test
  void anInvalidSiteExitsTwoWithOneLinePerProblem() {
    assertThat(run("--config", SITES + "duplicate-unit.yaml", "--profiles", PROFILES)).isEqualTo(2);

    assertThat(out())
        .containsExactly(
            SITES
                + "duplicate-unit.yaml:7: devices[1].unit: unit 1 is already used on bus rs485-1 by"
                + " device soil-01 (line 6)");
  }

  @Test
  void profileProblemsNameTheProfileFile() {
    assertThat(run("--config", SITES + "profile-bad-bit.yaml", "--profiles", PROFILES))
        .isEqualTo(2);

    assertThat(out())
        .hasSize(2)
        .satisfiesExactly(
            l -> assertThat(l).startsWith(SITES + "profile-bad-bit.yaml:6: devices[0].profile: "),
            l -> assertThat(l).startsWith(SITES + "profiles/bad/bit.yaml:6: points[0].bit: "));
  }

  @Test
  void withoutTheDistributionDirectoryAShippedProfileIsUnknown() {
    assertThat(run("--config", SITES + "valid.yaml")).isEqualTo(2);

    assertThat(out())
        .contains(
            SITES
                + "valid.yaml:13: devices[0].profile: no profile \"agriculture/soil-3in1\": looked"
                + " for agriculture/soil-3in1.yaml in "
                + SITES
                + "profiles");
  }

  @Test
  void warningsGoToStandardErrorAndDoNotFail() {
    assertThat(run("--config", SITES + "store-without-uplink.yaml")).isZero();

    assertThat(out())
        .containsExactly(SITES + "store-without-uplink.yaml: valid (0 buses, 0 devices)");
    assertThat(err())
        .containsExactly(
            SITES
                + "store-without-uplink.yaml:4: store: warning: no uplink: readings are buffered"
                + " until an uplink: is added, then sent oldest first");
  }

  @Test
  void aMissingFileIsOneClearLine() {
    assertThat(run("--config", SITES + "no-such.yaml")).isEqualTo(2);

    assertThat(out())
        .containsExactly(SITES + "no-such.yaml: cannot read the site file: no such file");
  }

  @Test
  void aDirectoryIsNotASiteFile() {
    assertThat(run("--config", SITES)).isEqualTo(2);

    assertThat(out())
        .singleElement()
        .asString()
        .endsWith(": cannot read the site file: not a readable file");
  }

  @Test
  void aYamlSyntaxErrorHasItsLine() {
    assertThat(run("--config", SITES + "yaml-syntax.yaml")).isEqualTo(2);

    assertThat(out())
        .containsExactly(
            SITES
                + "yaml-syntax.yaml:4: yaml: not valid YAML: expected ',' or '}', but got :"
                + " (while parsing a flow mapping)");
  }

  @Test
  void aFileThatIsNotTextIsReported(@TempDir Path dir) throws Exception {
    Path binary = dir.resolve("site.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});

    assertThat(run("--config", binary.toString())).isEqualTo(2);

    assertThat(out()).singleElement().asString().startsWith(binary + ":1: yaml: ");
  }

  @Test
  void badUsageExitsTwoWithTheUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("--colour", "red")).isEqualTo(2);

    assertThat(out()).isEmpty();
    assertThat(err()).contains("usage: validate --config FILE [--profiles DIR] [--state DIR]");
  }

  private int run(String... args) {
    return ValidateCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> out() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private List<String> err() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
