package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.site.UplinkSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {

  private static final String PROFILES = "../../device-profiles";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return IdentityCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static final String BLOCK =
      """
      # Site of the pumping station
      gateway:
        id: factory-default   # set by provision identity
        # the city's account
        account: unset
      buses: []   # none yet
      devices: []
      """;

  @Test
  void blockSectionKeepsCommentsAndEveryOtherLine(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, BLOCK);

    assertThat(run("--id", "yc-pump-0007", "--account", "yichang", "--config", site.toString()))
        .as(err.toString())
        .isZero();

    assertThat(Files.readString(site))
        .isEqualTo(
            BLOCK
                .replace("id: factory-default", "id: yc-pump-0007")
                .replace("account: unset", "account: yichang"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site)))
        .isEqualTo("rw-------");
    assertThat(UplinkSummary.read(site, Path.of(PROFILES)).id()).isEqualTo("yc-pump-0007");
  }

  @Test
  void flowSectionIsEditedOnItsLine(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    String text = "gateway: {id: old, account: a1}  # identity\nbuses: []\ndevices: []\n";
    Files.writeString(site, text);

    assertThat(run("--id", "new-1", "--account", "yichang", "--config", site.toString())).isZero();

    assertThat(Files.readString(site))
        .isEqualTo("gateway: {id: new-1, account: yichang}  # identity\nbuses: []\ndevices: []\n");
  }

  @Test
  void missingKeysAreAdded() {
    assertThat(GatewayIdentityEdit.apply("gateway:\n  id: x\nbuses: []\n", "g1", "acct"))
        .isEqualTo("gateway:\n  id: g1\n  account: acct\nbuses: []\n");
    assertThat(GatewayIdentityEdit.apply("# c\nbuses: []\n", "g1", "acct"))
        .isEqualTo("# c\ngateway: {id: g1, account: acct}\nbuses: []\n");
  }

  @Test
  void anInvalidResultLeavesTheFileAlone(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    String text = "gateway: [old]\nbuses: []\ndevices: []\n";
    Files.writeString(site, text);

    assertThat(run("--id", "new-1", "--account", "yichang", "--config", site.toString()))
        .isEqualTo(2);

    assertThat(Files.readString(site)).isEqualTo(text);
    assertThat(err.toString()).contains(site + ": not changed").contains(site + ":");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(site);
    }
  }

  @Test
  void problemsElsewhereAreShownButDoNotStopTheEdit(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    String text = "gateway: {id: old, account: a1}\nbuses: []\ndevices: [{id: d}]\n";
    Files.writeString(site, text);

    assertThat(run("--id", "new-1", "--account", "yichang", "--config", site.toString())).isZero();

    assertThat(Files.readString(site)).startsWith("gateway: {id: new-1, account: yichang}\n");
    assertThat(err.toString()).contains("warning: still to fix: " + site + ":3: devices[0]");
    assertThat(UplinkSummary.gatewayId(site)).isEqualTo("new-1");
  }

  @Test
  void anIdThatIsNotAnIdIsRefused(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, BLOCK);

    assertThat(run("--id", "a: b", "--account", "yichang", "--config", site.toString()))
        .isEqualTo(2);

    assertThat(err.toString()).contains("--id 'a: b'");
    assertThat(Files.readString(site)).isEqualTo(BLOCK);
  }
}
