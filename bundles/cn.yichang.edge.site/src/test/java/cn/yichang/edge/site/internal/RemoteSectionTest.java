package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteSectionTest {
  @TempDir Path dir;

  SiteReport read(String remote) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        """
        gateway: {id: gw-1, account: acct}
        buses:
          - {id: rs485-1, type: serial, port: /dev/ttyUSB0}
        devices:
          - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1}
        """
            + remote);
    return SiteReader.read(site, SiteReaderTest.DISTRIBUTION);
  }

  @Test
  void theAllowListBecomesTheCommandConfiguration() throws Exception {
    SiteReport report =
        read(
            """
            remote:
              commands: [uptime, /bin/echo]
              command-timeout: 5s
              command-output: 4096
            """);

    assertThat(report.errors()).isEmpty();
    Map<String, Object> command =
        SiteConfigurations.of(report.site(), null, dir).stream()
            .filter(d -> d.name().equals(SiteConfigurations.COMMAND_PID))
            .findFirst()
            .orElseThrow()
            .properties();
    assertThat((String[]) command.get("allow")).containsExactly("uptime", "/bin/echo");
    assertThat(command).containsEntry("timeout.ms", 5000L).containsEntry("output.bytes", 4096);
  }

  @Test
  void withoutCommandsThereIsNoCommandConfiguration() throws Exception {
    assertThat(SiteConfigurations.of(read("").site(), null, dir))
        .noneMatch(d -> d.name().equals(SiteConfigurations.COMMAND_PID));
    assertThat(SiteConfigurations.of(read("remote: {commands: []}\n").site(), null, dir))
        .noneMatch(d -> d.name().equals(SiteConfigurations.COMMAND_PID));
  }

  @Test
  void badEntriesAreLocatedProblems() throws Exception {
    SiteReport report =
        read(
            """
            remote:
              commands: ["rm -rf /"]
              command-timeout: 0s
              colour: red
            """);

    assertThat(report.errors())
        .extracting(Problem::toString)
        .anyMatch(p -> p.contains("site.yaml:7: remote.commands: \"rm -rf /\" is not one program"))
        .anyMatch(p -> p.contains("remote.command-timeout: must be between 1s and 24h"))
        .anyMatch(p -> p.contains("remote.colour"));
  }
}
