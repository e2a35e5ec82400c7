package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPIO devices in the real distribution, their pins driven by the mock provider's event scripts: a
 * rain gauge's count survives a clean restart and a kill -9 (once flushed), and an SOS pressed
 * while the broker is down reaches the platform before the telemetry buffered around it.
 */
class GpioIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aRainGaugesCountSurvivesRestartsOfTheGateway() throws Exception {
    Map<String, String> env = Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString());
    Path counts = dir.resolve("state/gpio/rain-01.count");

    // a storm 3 s after the GPIO runtime started (the gauge's pin is open by then, even on a loaded
    // machine): 12 tips of the bucket, the reed bouncing twice at each edge
    Path site =
        rainSite("{at: 3s, pin: 5, set: low, for: 60ms, bounce: 2, repeat: 12, every: 150ms}");
    try (GatewayProcess first = GatewayProcess.start(env, "run", "--config", site.toString())) {
      first.awaitLine(l -> l.contains("rain_pulses=12"), WAIT);
      assertThat(first.terminate()).isZero();
    }
    assertThat(Files.readString(counts)).isEqualTo("pulses=12\n");

    // the gateway restarts during the storm: 5 more tips, counted on top
    site = rainSite("{at: 3s, pin: 5, set: low, for: 60ms, bounce: 2, repeat: 5, every: 150ms}");
    try (GatewayProcess second = GatewayProcess.start(env, "run", "--config", site.toString())) {
      String firstReading = second.awaitLine(l -> l.contains("reading rain-01 at"), WAIT);
      assertThat(firstReading).contains("rain=2.4 mm").contains("rain_pulses=12");
      second.awaitLine(l -> l.contains("rain_pulses=17"), WAIT);
      // a power cut once the count was written (every second): nothing is lost
      await().atMost(WAIT).until(() -> Files.readString(counts).equals("pulses=17\n"));
      second.kill();
    }

    site = rainSite("{at: 1h, pin: 5, set: low}");
    try (GatewayProcess third = GatewayProcess.start(env, "run", "--config", site.toString())) {
      String reading = third.awaitLine(l -> l.contains("reading rain-01 at"), WAIT);
      assertThat(reading).contains("rain_pulses=17");
      assertThat(third.terminate()).isZero();
    }
  }

  @Test
  void anSosPressedDuringABrokerOutageArrivesBeforeTheTelemetryAroundIt() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      rig.broker.stop();
      Path script = dir.resolve("sos.yaml");
      // pressed twice within 300 ms, 6 s after the start: one alarm
      Files.writeString(
          script,
          """
          events:
            - {at: 6s, pin: 22, set: low, for: 100ms, bounce: 3}
            - {at: 6300ms, pin: 22, set: low, for: 100ms, bounce: 3}
          """);
      Path site = rig.siteFile("250ms", "");
      String yaml =
          Files.readString(site)
                  .replace(
                      "devices:\n",
                      "devices:\n  - {id: room-1-sos, profile: elderly-care/sos-button, gpio: {pin: 22,"
                          + " pull: up}, poll: 1s}\n")
              + "gpio: {provider: mock, script: "
              + script
              + "}\n";
      Files.writeString(site, yaml);
      Map<String, String> env = Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString());
      try (GatewayProcess gateway = GatewayProcess.start(env, "run", "--config", site.toString())) {
        gateway.awaitLine(l -> l.contains("alarm reading room-1-sos at"), WAIT);
        int soilBefore = soilReadings(gateway);
        gateway.awaitLine(l -> soilReadings(gateway) >= soilBefore + 8, WAIT);
        assertThat(gateway.linesMatching(l -> l.contains("alarm reading room-1-sos"))).hasSize(1);

        rig.broker.start();
        rig.data.awaitCount(20, WAIT);
        List<ReceivedMessage> received = rig.data.messages();
        ReceivedMessage first = received.get(0);
        assertThat(first.topic()).endsWith("/room-1-sos");
        KuraPayload alarm = PlatformRig.decode(first);
        assertThat(alarm.metric("sos")).contains(true);
        assertThat(alarm.metric("sos_events")).contains(1L);
        // the telemetry acquired before the alarm comes after it
        assertThat(PlatformRig.decode(received.get(1)).timestamp()).isBefore(alarm.timestamp());
        assertThat(gateway.terminate()).isZero();
      }
    }
  }

  private static int soilReadings(GatewayProcess gateway) {
    return gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01")).size();
  }

  private Path rainSite(String event) throws IOException {
    Path script = dir.resolve("rain-events.yaml");
    Files.writeString(script, "events:\n  - " + event + "\n");
    return SiteFiles.write(
        dir,
        """
        gateway: {id: yc-it-rain, account: yichang}
        gpio: {provider: mock, script: rain-events.yaml}
        devices:
          - {id: rain-01, profile: agriculture/rain-gauge, gpio: {pin: 5}, poll: 500ms}
        """);
  }
}
