package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway knows it lost reaches the platform in BIRTH: {@code edge.unclean_stop} after a
 * kill -9 (and not after SIGTERM), {@code edge.lost} after a full disk, {@code edge.evicted} after
 * a backlog larger than the buffer's limit. A loss before a message's commit uses no {@code
 * edge.seq}, so the platform cannot see it as a gap.
 */
class LossReportIT {
  private static final String BIRTH = "$EDC/yichang/yc-it-0100/MQTT/BIRTH";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void birthAfterKillNineSaysUncleanStopAndAfterSigtermItDoesNot() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      Path site = rig.siteFile("250ms", "");
      Instant firstStarted = Instant.now();
      Instant killedAt;
      try (GatewayProcess first = GatewayProcess.start("run", "--config", site.toString())) {
        KuraPayload birth = awaitBirth(rig, 1);
        assertThat(birth.metric("edge.unclean_stop")).contains(false);
        assertThat(birth.metric("edge.lost")).contains(0L);
        assertThat(birth.metric("edge.evicted")).contains(0L);
        rig.data.awaitCount(4, WAIT); // readings committed and sent
        first.kill();
        killedAt = Instant.now();
      }

      try (GatewayProcess second = GatewayProcess.start("run", "--config", site.toString())) {
        KuraPayload birth = awaitBirth(rig, 2);
        assertThat(birth.metric("edge.unclean_stop")).contains(true);
        long lastCommit = (Long) birth.metric("edge.last_commit").orElseThrow();
        assertThat(Instant.ofEpochMilli(lastCommit)).isBetween(firstStarted, killedAt);
        assertThat(second.terminate()).isZero();
      }

      try (GatewayProcess third = GatewayProcess.start("run", "--config", site.toString())) {
        KuraPayload birth = awaitBirth(rig, 3);
        assertThat(birth.metric("edge.unclean_stop")).contains(false);
        assertThat(birth.metric("edge.last_commit")).isEmpty();
        assertThat(third.terminate()).isZero();
      }
    }
  }

  @Test
  void birthAfterAFullDiskCountsWhatWasLost() throws Exception {
    Path disk = Files.createDirectory(dir.resolve("disk"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()) == 0,
        "cannot mount a 1 MB tmpfs (needs root): edge.lost after a full disk is tested by the"
            + " store's FullDiskTest only");
    Path state = dir.resolve("state");
    Map<String, String> env = Map.of("SANXIA_STATE_DIR", state.toString());
    try (PlatformRig rig = new PlatformRig(dir)) {
      rig.broker.stop();
      Path site = rig.siteFile("100ms", "", disk.resolve("buffer.db"));
      try (GatewayProcess gateway = GatewayProcess.start(env, "run", "--config", site.toString())) {
        gateway.awaitLine(l -> ReadingLine.isReading(l, "soil-01"), WAIT);
        Path filler = fillUp(disk.resolve("filler"));
        gateway.awaitLine(l -> l.contains("messages lost since start"), WAIT);
        Files.delete(filler);

        rig.broker.start();
        KuraPayload birth = awaitBirth(rig, 1);
        long lost = (Long) birth.metric("edge.lost").orElseThrow();
        assertThat(lost).isPositive();
        assertThat(birth.metric("edge.unclean_stop")).contains(false);
        assertThat(GatewayProcess.run(env, "status", "store").output())
            .anyMatch(
                l ->
                    l.startsWith("since the file was created: lost=") && l.contains("clean start"));
        assertThat(gateway.terminate()).isZero();
      }
      // kept in the buffer file: the next run's BIRTH still counts them
      try (GatewayProcess again = GatewayProcess.start(env, "run", "--config", site.toString())) {
        KuraPayload birth = awaitBirth(rig, 2);
        assertThat((Long) birth.metric("edge.lost").orElseThrow()).isPositive();
        assertThat(again.terminate()).isZero();
      }
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void birthAfterEvictionCountsWhatWasEvicted() throws Exception {
    Path buffer = dir.resolve("state/buffer.db");
    Files.createDirectories(buffer.getParent());
    int backlog = fillBuffer(buffer, 1600, 1024); // about 1.7 MB queued before this run
    try (PlatformRig rig = new PlatformRig(dir)) {
      rig.broker.stop();
      Path site = rig.siteFile("250ms", "", buffer, 1);
      try (GatewayProcess gateway = GatewayProcess.start("run", "--config", site.toString())) {
        gateway.awaitLine(l -> l.contains("Store: evicted") && l.contains("TELEMETRY"), WAIT);

        rig.broker.start();
        KuraPayload birth = awaitBirth(rig, 1);
        long evicted = (Long) birth.metric("edge.evicted").orElseThrow();
        assertThat(evicted).isBetween(1L, (long) backlog);
        assertThat(birth.metric("edge.lost")).contains(0L);
        assertThat(gateway.terminate()).isZero();
      }
    }
  }

  /**
   * Queues {@code count} telemetry messages of {@code bytes} each in a buffer file, as a long
   * outage would, and closes it cleanly.
   */
  private static int fillBuffer(Path buffer, int count, int bytes) {
    StoreSettings settings =
        new StoreSettings(buffer, 64L << 20, Duration.ofMillis(20), 500, 20_000, 8L << 20);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings)) {
      Instant acquired = Instant.now().minus(Duration.ofDays(1));
      for (int n = 0; n < count; n++) {
        store.enqueue(
            new OutboundMessage(
                "yichang/yc-it-0100/backlog", Priority.TELEMETRY, new byte[bytes], acquired));
      }
      await().atMost(WAIT).until(() -> store.counters().buffered() == count);
    }
    return count;
  }

  /** The {@code n}th BIRTH the platform received (from 1), decoded. */
  private static KuraPayload awaitBirth(PlatformRig rig, int n) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> births(rig).size() >= n);
    return PlatformRig.decode(births(rig).get(n - 1));
  }

  private static List<ReceivedMessage> births(PlatformRig rig) {
    return rig.lifecycle.messages().stream().filter(m -> m.topic().equals(BIRTH)).toList();
  }

  /** Writes until the file system refuses. */
  private static Path fillUp(Path filler) {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException expected) {
      // full
    }
    return filler;
  }

  private static int run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
