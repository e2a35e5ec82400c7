package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report by exception through the real distribution: a soil probe (pymodbus on a pty) polled every
 * 100 ms, readings to a TLS Mosquitto with client certificates, under {@code report: {mode:
 * on-change}}.
 */
class ReportingIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aSlowlyMovingProbeSendsItsChangesItsHeartbeatAndItsLossOnce() throws Exception {
    // moisture rises 0.1 % every 250 ms; temperature and conductivity stay
    String[] drifting = {"--unit", "1", "--holding", "0=312,1=185,2=412", "--drift", "0=1/250"};
    try (PlatformRig rig = new PlatformRig(dir, drifting);
        GatewayProcess gateway =
            GatewayProcess.start(state(), "run", "--config", site(rig, "3s").toString())) {
      awaitPolls(gateway, 80);
      List<ReceivedMessage> sent = rig.data.messages();
      List<String> lines = pollLines(gateway);
      List<ReadingLine> polls = lines.stream().map(ReadingLine::parse).toList();
      // Kura timestamps are milliseconds
      List<Instant> acquired =
          lines.stream()
              .map(l -> ReadingLine.acquiredAt(l).truncatedTo(ChronoUnit.MILLIS))
              .toList();
      System.out.printf(
          "ReportingIT: %d polls of soil-01, %d messages sent (%.1fx fewer)%n",
          polls.size(), sent.size(), polls.size() / (double) sent.size());
      assertThat(sent.size() * 4).as("messages x 4 vs polls").isLessThan(polls.size());

      Map<Instant, KuraPayload> byTime = new HashMap<>();
      for (ReceivedMessage m : sent) {
        byTime.put(PlatformRig.decode(m).timestamp(), PlatformRig.decode(m));
      }
      // every message carries the acquisition time of a poll
      assertThat(acquired).containsAll(byTime.keySet());
      // no move beyond the band (2 % of the value last sent) went unsent
      Instant lastSentAt = byTime.keySet().stream().max(Instant::compareTo).orElseThrow();
      Double lastSent = null;
      int moves = 0;
      for (int i = 0; i < acquired.size() && !acquired.get(i).isAfter(lastSentAt); i++) {
        double now = Double.parseDouble(polls.get(i).values().get("moisture"));
        KuraPayload p = byTime.get(acquired.get(i));
        if (p != null && p.metric("moisture").isPresent()) {
          assertThat(p.metric("moisture")).contains(now);
          lastSent = now;
          moves++;
        } else {
          assertThat(Math.abs(now - lastSent))
              .as("moisture %s at %s, last sent %s", now, acquired.get(i), lastSent)
              .isLessThanOrEqualTo(lastSent * 0.02 + 1e-9);
        }
      }
      assertThat(moves).as("moisture messages").isGreaterThanOrEqualTo(3);
      // the constant conductivity arrives on its heartbeat: every 3 s (one poll of slack)
      List<Instant> heartbeats =
          byTime.entrySet().stream()
              .filter(e -> e.getValue().metric("conductivity").isPresent())
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(2);
      for (int i = 1; i < heartbeats.size(); i++) {
        assertThat(Duration.between(heartbeats.get(i - 1), heartbeats.get(i)))
            .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));
      }

      // silent: reported lost once, with the time of its last good reading
      Instant lastGood = acquired.get(acquired.size() - 1);
      rig.soil.close();
      awaitFailedPolls(gateway, 5); // a silent device is polled with a growing backoff
      List<KuraPayload> losses = losses(rig);
      assertThat(losses).hasSize(1);
      long reportedLastGood = (Long) losses.get(0).metric("edge.last_good").orElseThrow();
      assertThat(Instant.ofEpochMilli(reportedLastGood)).isAfterOrEqualTo(lastGood);
      assertThat(pollLines(gateway))
          .filteredOn(l -> ReadingLine.acquiredAt(l).toEpochMilli() == reportedLastGood)
          .singleElement()
          .satisfies(l -> assertThat(ReadingLine.parse(l).errors()).isEmpty());
      assertThat(losses.get(0).metric("moisture_error")).isPresent();

      // back: its recovery once, every point in it
      int before = rig.data.messages().size();
      try (PythonModbusDevice back =
          PythonModbusDevice.start(rig.pty.deviceEnd(), 9600, PlatformRig.SOIL)) {
        await().atMost(WAIT).until(() -> sinceWith(rig, before, "moisture").size() >= 1);
        KuraPayload recovered = sinceWith(rig, before, "moisture").get(0);
        assertThat(recovered.metric("moisture")).contains(31.2);
        assertThat(recovered.metric("temperature")).contains(18.5);
        assertThat(recovered.metric("conductivity")).contains(412L);
        awaitPolls(gateway, pollLines(gateway).size() + 10);
        assertThat(losses(rig)).hasSize(1);
        assertThat(sinceWith(rig, before, "temperature"))
            .as("one recovery (the heartbeat is 3 s away)")
            .hasSize(1);
      }
    }
  }

  @Test
  void aRestartResendsNothingUnchangedAndSendsWhatMovedMeanwhile() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      Path site = site(rig, "1h");
      try (GatewayProcess first =
          GatewayProcess.start(state(), "run", "--config", site.toString())) {
        rig.data.awaitCount(1, WAIT);
        awaitPolls(first, 20);
        assertThat(rig.data.messages()).hasSize(1);
        assertThat(first.terminate()).isZero();
      }
      try (GatewayProcess second =
          GatewayProcess.start(state(), "run", "--config", site.toString())) {
        rig.lifecycle.awaitCount(3, WAIT); // BIRTH, DC, BIRTH
        awaitPolls(second, 20);
        assertThat(rig.data.messages()).as("unchanged points after a restart").hasSize(1);
        assertThat(second.terminate()).isZero();
      }
      // the soil dried out while the gateway was stopped
      rig.soil.close();
      try (PythonModbusDevice drier =
              PythonModbusDevice.start(
                  rig.pty.deviceEnd(), 9600, "--unit", "1", "--holding", "0=250,1=185,2=412");
          GatewayProcess third =
              GatewayProcess.start(state(), "run", "--config", site.toString())) {
        rig.data.awaitCount(2, WAIT);
        awaitPolls(third, 20);
        assertThat(rig.data.messages()).hasSize(2);
        KuraPayload moved = PlatformRig.decode(rig.data.messages().get(1));
        assertThat(moved.metric("moisture")).contains(25.0);
        assertThat(moved.metric("temperature")).isEmpty();
      }
    }
  }

  /** The test's own state directory: the reporting state is kept there. */
  private Map<String, String> state() {
    return Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString());
  }

  private static Path site(PlatformRig rig, String heartbeat) throws java.io.IOException {
    return SiteFiles.write(
        rig.dir,
        """
        gateway: {id: %s, account: %s}
        buses:
          - {id: rs485-1, type: serial, port: %s, baud: 9600, response-timeout: 100ms}
        devices:
          - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 100ms,
             report: {deadband: {moisture: 2%%}}}
        store: {path: %s, commit-interval: 50ms}
        report: {mode: on-change, heartbeat: %s}
        uplink:
          url: %s
          tls: {ca: %s, cert: %s, key: %s}
        """
            .formatted(
                PlatformRig.GATEWAY,
                PlatformRig.ACCOUNT,
                rig.pty.masterEnd(),
                rig.dir.resolve("state/buffer.db"),
                heartbeat,
                rig.broker.tlsUrl(),
                rig.pki.caCert(),
                rig.pki.gateway().cert(),
                rig.pki.gateway().key()));
  }

  private static List<KuraPayload> losses(PlatformRig rig) {
    return rig.data.messages().stream()
        .map(PlatformRig::decode)
        .filter(p -> p.metric("edge.device_lost").isPresent())
        .toList();
  }

  /** The messages since the first {@code from} that carry {@code metric}. */
  private static List<KuraPayload> sinceWith(PlatformRig rig, int from, String metric) {
    List<ReceivedMessage> all = rig.data.messages();
    return all.subList(from, all.size()).stream()
        .map(PlatformRig::decode)
        .filter(p -> p.metric(metric).isPresent())
        .toList();
  }

  /** The soil probe's polls as the gateway logged them, in order. */
  private static List<String> pollLines(GatewayProcess gateway) {
    return gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01"));
  }

  private static void awaitPolls(GatewayProcess gateway, int count) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> pollLines(gateway).size() >= count);
  }

  private static void awaitFailedPolls(GatewayProcess gateway, int count) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                pollLines(gateway).stream()
                        .filter(l -> ReadingLine.parse(l).values().isEmpty())
                        .count()
                    >= count);
  }
}
