package cn.yichang.edge.rig;

import cn.yichang.edge.sim.profile.ProfileUnit;
import cn.yichang.edge.sim.profile.ValueTicker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Runs a rig end to end: simulated buses, a TLS broker with fresh certificates, the gateway from
 * the built distribution, the timeline; then waits for the buffer to drain, stops the gateway with
 * SIGTERM and makes the report.
 */
public final class RigRunner {

  /** Simulated values move this many times faster than real time (an hour of field in a minute). */
  static final double VALUE_SPEED = 60;

  private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(60);
  private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(60);
  private static final Duration POLL_SETTLE = Duration.ofSeconds(2);

  private final Path home;
  private final Path workDir;

  /**
   * @param home the built distribution ({@code distrib/target/sanxia-edge})
   * @param workDir where the site file, certificates, state and the gateway's log go (kept)
   */
  public RigRunner(Path home, Path workDir) {
    this.home = home;
    this.workDir = workDir;
  }

  /** The distribution's profile directory, searched after a rig's own. */
  public static List<Path> distributionProfiles(Path home) {
    return List.of(home.resolve("device-profiles"));
  }

  public RigReport run(Rig rig, boolean shortMode) throws Exception {
    Instant began = Instant.now();
    Files.createDirectories(workDir);
    List<Path> profileRoots = new ArrayList<>(rig.profileDirs());
    profileRoots.addAll(distributionProfiles(home));
    List<SimulatedBus> buses = new ArrayList<>();
    Path stateDir = workDir.resolve("state");
    deleteContents(stateDir); // a rig starts with an empty buffer, also in a reused work dir
    Files.createDirectories(stateDir);
    DiskFiller.Mounted disk = new DiskFiller.Mounted(null, "the rig has no disk-fill action");
    boolean fills = rig.timeline().stream().anyMatch(a -> a.kind() == Rig.ActionKind.DISK_FILL);
    try (PrintWriter gatewayLog =
            new PrintWriter(
                Files.newBufferedWriter(workDir.resolve("gateway.log"), StandardCharsets.UTF_8));
        Platform platform = Platform.start(workDir, rig.account(), rig.gatewayId())) {
      for (Rig.Bus bus : rig.buses()) {
        buses.add(SimulatedBus.start(bus, workDir, profileRoots, rig.name()));
      }
      if (fills) {
        disk = DiskFiller.mount(stateDir);
      }
      List<ProfileUnit> units = buses.stream().flatMap(b -> b.profileUnits().stream()).toList();
      Path site =
          SiteFile.write(workDir, rig, buses, platform.broker.tlsUrl(), platform.pki, stateDir);
      LiveRig live = new LiveRig(home, site, stateDir, gatewayLog, buses, platform, disk);
      try (ValueTicker ticker = ValueTicker.start(units, Duration.ofSeconds(1), VALUE_SPEED);
          RssSampler rss = new RssSampler(live::gatewayPid);
          TimelinePlayer player = new TimelinePlayer(rig.timeline(), live)) {
        live.startGateway();
        awaitConnected(platform, live);
        Instant scenarioStart = Instant.now();
        say("gateway connected; scenario starts, " + Rig.seconds(rig.duration()));
        player.start();
        while (player.elapsed().compareTo(rig.duration()) < 0 && live.checkGateway()) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        player.awaitFinished(Duration.ofSeconds(15));
        Instant cutoff = Instant.now();
        player.close();
        say("scenario over; waiting for the buffer to drain");
        Scene scene =
            new Scene(
                workDir, rig, shortMode, began, scenarioStart, cutoff, live, platform, player);
        boolean drained = awaitDrained(scene);
        rss.sample();
        int exit = live.stopGateway();
        say("gateway stopped with SIGTERM, exit code " + exit);
        awaitDisconnect(platform);
        platform.writeCsv(workDir.resolve("platform.csv"));
        return RigReport.of(
            scene.observe(busFigures(buses, live.gatewayTime()), rss.memory(), exit, drained));
      } finally {
        live.stopGateway();
      }
    } finally {
      buses.forEach(SimulatedBus::close);
      if (disk.filler() != null) {
        disk.filler().close();
      }
    }
  }

  /** What the report is made of, before the gateway is stopped. */
  private record Scene(
      Path workDir,
      Rig rig,
      boolean shortMode,
      Instant began,
      Instant scenarioStart,
      Instant cutoff,
      LiveRig live,
      Platform platform,
      TimelinePlayer player) {

    Observations observe(
        List<Observations.BusFigures> buses, RssSampler.Memory memory, int exit, boolean drained) {
      return new Observations(
          rig,
          shortMode,
          workDir,
          scenarioStart,
          cutoff,
          Duration.between(began, Instant.now()),
          live.logged(),
          platform.deliveries(),
          player.played(),
          live.kills(),
          live.diskFull(),
          buses,
          memory,
          live.deaths(),
          exit,
          drained,
          live.connections(),
          platform.lifecycleCount("BIRTH"),
          platform.lifecycleCount("DC"));
    }
  }

  private void awaitConnected(Platform platform, LiveRig live) throws IOException {
    long deadline = System.nanoTime() + CONNECT_DEADLINE.toNanos();
    while (platform.lifecycleCount("BIRTH") == 0) {
      if (!live.checkGateway()) {
        throw new IOException(
            "the gateway exited before it connected; see " + workDir.resolve("gateway.log"));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException(
            "no BIRTH from the gateway within "
                + CONNECT_DEADLINE.toSeconds()
                + " s; see "
                + workDir.resolve("gateway.log"));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  /** The DC message of a clean stop arrives after the gateway exited: give it a moment. */
  private static void awaitDisconnect(Platform platform) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (platform.lifecycleCount("DC") == 0 && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /**
   * Waits until no reading that must arrive is missing (a provisional report says so), and at least
   * {@link #POLL_SETTLE}: a poll under way at the cutoff is acquired before it but logged only when
   * its last request has been answered or timed out.
   */
  private static boolean awaitDrained(Scene scene) {
    long deadline = System.nanoTime() + DRAIN_DEADLINE.toNanos();
    LockSupport.parkNanos(POLL_SETTLE.toNanos());
    while (System.nanoTime() - deadline < 0 && scene.live().checkGateway()) {
      RigReport provisional =
          RigReport.of(scene.observe(List.of(), new RssSampler.Memory(0, 0, 0, 0), 0, false));
      if (provisional.devices().stream().allMatch(d -> d.lost() == 0)) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
    }
    return false;
  }

  private static List<Observations.BusFigures> busFigures(
      List<SimulatedBus> buses, Duration gatewayTime) {
    List<Observations.BusFigures> figures = new ArrayList<>();
    for (SimulatedBus b : buses) {
      List<BusLoad.Polled> polled =
          b.bus.devices().stream()
              .map(d -> new BusLoad.Polled(b.profile(d.id()), d.poll().toMillis() / 1000.0))
              .toList();
      figures.add(
          new Observations.BusFigures(
              b.bus,
              b.line(),
              b.statistics(),
              gatewayTime.toMillis() / 1000.0,
              BusLoad.estimate(b.line(), polled)));
    }
    return figures;
  }

  private static void deleteContents(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!f.equals(dir)) {
          Files.delete(f);
        }
      }
    }
  }

  private static void say(String text) {
    System.out.println("[rig] " + text);
  }
}
