package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sanxia-edge status asks the running distribution over the status socket in its state
 * directory: no console attached.
 */
class StatusCommandIT {

  @TempDir Path dir;

  @Test
  void statusOfTheRunningGatewayOverItsLocalSocket() throws Exception {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
    DeviceProfile profile =
        new ProfileDirectories(List.of(GatewayProcess.HOME.resolve("device-profiles")))
            .find("agriculture/soil-3in1")
            .orElseThrow();
    Path state = dir.resolve("state");
    Map<String, String> env = Map.of("SANXIA_STATE_DIR", state.toString());
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV");
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                ProfileUnit.of(profile, 1, 7).unit());
        GatewayProcess gateway =
            GatewayProcess.start(
                env,
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-0001, account: yichang}
                        buses:
                          - {id: rs485-1, type: serial, port: %s, baud: 9600}
                        devices:
                          - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 500ms}
                          - {id: gone-02, profile: agriculture/soil-3in1, bus: rs485-1, unit: 2, poll: 500ms}
                        """
                            .formatted(pty.masterEnd()))
                    .toString())) {
      gateway.awaitLine(l -> ReadingLine.isReading(l, "soil-01"), Duration.ofSeconds(60));
      Path socket = state.resolve("status.sock");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
          .isEqualTo("rw-------");

      GatewayProcess.Result all = GatewayProcess.run(env, "status");

      assertThat(all.exitCode()).isZero();
      assertThat(all.output())
          .anyMatch(l -> l.matches("uptime\\s+\\d\\dh\\d\\dm\\d\\ds"))
          .anyMatch(l -> l.matches("heap\\s+\\d+ of \\d+ MB used"))
          .anyMatch(l -> l.startsWith("state") && l.contains(state + ", ") && l.contains("MB free"))
          .anyMatch(l -> l.matches("components\\s+\\d+ running, none failing or waiting"))
          .contains("== buses ==")
          .anyMatch(l -> l.startsWith("rs485-1  " + pty.masterEnd()))
          .anyMatch(l -> l.trim().startsWith("soil-01") && l.contains("polls="))
          .contains("== store ==", "not configured");

      // the device that is not there shows as failing, as the console's edge:buses says
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  GatewayProcess.run(env, "status", "buses").output().stream()
                      .anyMatch(l -> l.trim().startsWith("gone-02") && l.contains("failing x")));

      GatewayProcess.Result readings = GatewayProcess.run(env, "status", "readings");
      assertThat(readings.exitCode()).isZero();
      assertThat(readings.output()).anyMatch(l -> l.contains("soil-01"));

      // edge:poll through the socket: a poll now, out of the schedule
      GatewayProcess.Result poll = GatewayProcess.run(env, "status", "poll", "soil-01");
      assertThat(poll.exitCode()).isZero();
      assertThat(poll.output()).anyMatch(l -> l.startsWith("soil-01 on rs485-1: answered  tx="));
      assertThat(GatewayProcess.run(env, "status", "poll", "gone-02").output())
          .anyMatch(l -> l.startsWith("gone-02 on rs485-1: no answer (failing x"));

      GatewayProcess.Result refused = GatewayProcess.run(env, "status", "stop", "0;", "exec");
      assertThat(refused.output()).anyMatch(l -> l.startsWith("refused: "));

      assertThat(gateway.terminate()).isZero();
      assertThat(socket).doesNotExist();
      GatewayProcess.Result gone = GatewayProcess.run(env, "status");
      assertThat(gone.exitCode()).isEqualTo(3);
      assertThat(gone.output()).anyMatch(l -> l.startsWith("status: no gateway running"));
    }
  }
}
