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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SANXIA_LOG_DIR (as the systemd unit sets it) the gateway logs to rotated files whose total
 * stays under the cap, and the lines of a bus carry its bus and device.
 */
class LogFilesIT {

  @TempDir Path dir;

  @Test
  void rotatedUnderTheCapWithBusAndDeviceInTheLines() throws Exception {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
    DeviceProfile profile =
        new ProfileDirectories(List.of(GatewayProcess.HOME.resolve("device-profiles")))
            .find("agriculture/soil-3in1")
            .orElseThrow();
    Path logs = dir.resolve("logs");
    try (SocatPtyPair pty = SocatPtyPair.start(dir, "ttyGW", "ttyDEV");
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 115200, Parity.NONE, 8, 1),
                Timing.WIRE,
                ProfileUnit.of(profile, 1, 7).unit());
        GatewayProcess gateway =
            GatewayProcess.start(
                Map.of(
                    "SANXIA_STATE_DIR", dir.resolve("state").toString(),
                    "SANXIA_LOG_DIR", logs.toString(),
                    "SANXIA_LOG_LEVEL", "DEBUG",
                    "SANXIA_LOG_MAX_FILE", "20KB",
                    "SANXIA_LOG_TOTAL", "60KB"),
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-0001, account: yichang}
                        buses:
                          - {id: rs485-1, type: serial, port: %s, baud: 115200}
                        devices:
                          - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 20ms}
                        """
                            .formatted(pty.masterEnd()))
                    .toString())) {
      Path log = logs.resolve("gateway.log");
      // a rollover renames gateway.log before it creates the next one, so it may be missing for a
      // moment
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreException(NoSuchFileException.class)
          .until(
              () ->
                  Files.exists(log)
                      && Files.readAllLines(log).stream()
                          .anyMatch(
                              l ->
                                  l.contains(" bus=rs485-1 device=soil-01 ")
                                      && l.contains("reading soil-01 at ")));
      // a few rollovers: ~100 reading lines a second at 20 KB a file
      await().atMost(Duration.ofSeconds(90)).until(() -> archives(logs).size() >= 4);
      long total = totalSize(logs);
      // the cap holds up to one file and the archive being compressed
      assertThat(total).isLessThan(60_000 + 2 * 20_000);
      // stdout (the journal) gets warnings only: no reading lines there
      assertThat(gateway.lines()).noneMatch(l -> l.contains("reading soil-01 at"));
      assertThat(gateway.terminate()).isZero();
    }
  }

  /**
   * The size of everything in the log directory at one moment: retried while a rollover or a
   * deletion above the cap moves a file between the listing and its size.
   */
  private static long totalSize(Path logs) {
    AtomicLong total = new AtomicLong();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(NoSuchFileException.class)
        .until(
            () -> {
              long sum = 0;
              boolean activeSeen = false;
              try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.toList()) {
                  sum += Files.size(f);
                  activeSeen |= f.getFileName().toString().equals("gateway.log");
                }
              }
              total.set(sum);
              return activeSeen;
            });
    return total.get();
  }

  private static List<Path> archives(Path logs) throws java.io.IOException {
    try (Stream<Path> files = Files.list(logs)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log.gz")).toList();
    }
  }
}
