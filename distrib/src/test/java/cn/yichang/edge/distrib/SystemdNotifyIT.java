package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.sim.SocatPtyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher speaks sd_notify as systemd's Type=notify and WatchdogSec= expect: socat plays
 * systemd, receiving the datagrams on the NOTIFY_SOCKET the gateway is given.
 */
class SystemdNotifyIT {

  @TempDir Path dir;

  @Test
  void readyThenWatchdogPetsThenStopping() throws Exception {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
    Path socket = dir.resolve("notify");
    Path received = dir.resolve("received");
    Process systemd =
        new ProcessBuilder(
                List.of("socat", "-u", "UNIX-RECV:" + socket, "OPEN:" + received + ",creat,append"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(socket));
      Path site =
          SiteFiles.write(
              dir,
              """
              gateway: {id: yc-test-0001, account: yichang}
              buses:
                - {id: rs485-1, type: serial, port: %s/ttyNONE, baud: 9600}
              devices:
                - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 10s}
              """
                  .formatted(dir));
      try (GatewayProcess gateway =
          GatewayProcess.start(
              Map.of(
                  "NOTIFY_SOCKET", socket.toString(),
                  "WATCHDOG_USEC", "1000000",
                  "SANXIA_STATE_DIR", dir.resolve("state").toString()),
              "run",
              "--config",
              site.toString())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> text(received).contains("READY=1"));
        // pets every half interval: several within a few seconds
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> count(text(received), "WATCHDOG=1") >= 3);
        assertThat(text(received)).startsWith("READY=1\nSTATUS=started, site ");

        assertThat(gateway.terminate()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> text(received).endsWith("STOPPING=1"));
      }
    } finally {
      systemd.destroy();
      systemd.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutNotifySocketTheGatewayRunsAsBefore() throws Exception {
    // A run by hand: no NOTIFY_SOCKET, so no JNA and no watchdog thread.
    Path site =
        SiteFiles.write(
            dir,
            """
            gateway: {id: yc-test-0001, account: yichang}
            buses:
              - {id: rs485-1, type: serial, port: %s/ttyNONE, baud: 9600}
            devices:
              - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 10s}
            """
                .formatted(dir));
    try (GatewayProcess gateway =
        GatewayProcess.start(
            Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString()),
            "run",
            "--config",
            site.toString())) {
      gateway.awaitLine(l -> l.startsWith("sanxia-edge: started"), Duration.ofSeconds(60));
      assertThat(gateway.terminate()).isZero();
    }
  }

  private static String text(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
