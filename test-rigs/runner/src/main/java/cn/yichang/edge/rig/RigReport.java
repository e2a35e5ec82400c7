package cn.yichang.edge.rig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a rig run proves: per device, the readings the gateway logged against those the platform
 * received; gaps and duplicates in {@code edge.seq}; latency from acquisition to the broker; and
 * whether anything was lost.
 *
 * <p>A reading acquired before the cutoff (the scenario's end, after which the runner waits for the
 * buffer to drain) must arrive, with two exceptions the gateway documents: a reading acquired
 * within {@link #UNCOMMITTED} before a kill -9 may still have been in the in-memory group commit,
 * and a reading acquired while the disk was full could not be written (the gateway counts it).
 * Those are <em>excused</em>, shown, and not counted as lost.
 */
record RigReport(
    Observations run,
    List<DeviceRow> devices,
    SeqFigures seq,
    Latency all,
    Latency undisturbed,
    List<AlarmFigures.Alarm> alarms,
    List<String> failures) {

  /** Readings acquired less than this before a kill -9 may not have been committed yet. */
  static final Duration UNCOMMITTED = Duration.ofSeconds(1);

  /**
   * After a broker outage, kill or full disk, readings are late for this long; not "undisturbed".
   */
  private static final Duration SETTLE = Duration.ofSeconds(2);

  /**
   * @param expected logged readings acquired before the cutoff and not excused
   * @param received distinct readings that reached the platform
   * @param lost expected readings that never arrived
   * @param excused readings that were at risk (kill -9, full disk) and did not arrive
   * @param inBuffer readings acquired after the cutoff, not yet sent when the gateway was stopped
   * @param unlogged readings received that no gateway run logged (should not happen)
   */
  record DeviceRow(
      Rig.Device device,
      int logged,
      int withFailedPoints,
      int expected,
      int received,
      int lost,
      int excused,
      int inBuffer,
      int unlogged) {}

  /** edge.seq as received: first and last, gaps (missing numbers), duplicates. */
  record SeqFigures(
      long first, long last, long distinct, long duplicates, List<String> gaps, long missing) {}

  record Latency(int count, Duration p50, Duration p99, Duration max) {}

  boolean passed() {
    return failures.isEmpty();
  }

  static RigReport of(Observations run) {
    Map<String, Set<Instant>> receivedByDevice = new HashMap<>();
    Map<Long, Platform.Delivery> firstBySeq = new HashMap<>();
    for (Platform.Delivery d : run.deliveries()) {
      receivedByDevice.computeIfAbsent(d.device(), k -> new HashSet<>()).add(d.acquiredAt());
      firstBySeq.putIfAbsent(d.seq(), d);
    }
    List<String> failures = new ArrayList<>();
    List<DeviceRow> rows = new ArrayList<>();
    for (Rig.Device device : run.rig().devices()) {
      DeviceRow row = row(run, device, receivedByDevice.getOrDefault(device.id(), Set.of()));
      rows.add(row);
      if (row.logged() == 0) {
        failures.add(device.id() + ": the gateway logged no reading");
      }
      if (row.lost() > 0) {
        failures.add(device.id() + ": " + row.lost() + " reading(s) lost");
      }
    }
    SeqFigures seq = seq(run.deliveries().size(), new TreeSet<>(firstBySeq.keySet()));
    if (seq.missing() > 0) {
      failures.add(
          "edge.seq: " + seq.missing() + " number(s) missing: " + String.join(", ", seq.gaps()));
    }
    run.deaths().forEach(d -> failures.add("gateway died unexpectedly: " + d));
    if (run.stopExitCode() != 0) {
      failures.add(
          run.stopExitCode() < 0
              ? "gateway did not stop within 5 s of SIGTERM"
              : "gateway exited with " + run.stopExitCode() + " after SIGTERM");
    }
    for (TimelinePlayer.Played p : run.played()) {
      if (p.failure() != null) {
        failures.add(p.action().describe() + " failed: " + p.failure());
      }
    }
    List<Observations.Window> disturbed = disturbedWindows(run);
    List<Platform.Delivery> firsts = List.copyOf(firstBySeq.values());
    Latency all = latency(firsts);
    Latency calm =
        latency(
            firsts.stream()
                .filter(d -> !d.acquiredAt().isBefore(run.scenarioStart()))
                .filter(d -> disturbed.stream().noneMatch(w -> w.contains(d.acquiredAt())))
                .toList());
    List<AlarmFigures.Alarm> alarms = AlarmFigures.of(run.logged(), firsts);
    for (AlarmFigures.Alarm a : alarms) {
      if (a.overtaken() > 0) {
        failures.add(
            "alarm of "
                + a.device()
                + ": "
                + a.overtaken()
                + " older reading(s) waiting in the buffer arrived before it");
      }
    }
    return new RigReport(run, rows, seq, all, calm, alarms, failures);
  }

  private static DeviceRow row(Observations run, Rig.Device device, Set<Instant> received) {
    int logged = 0;
    int failed = 0;
    int expected = 0;
    int lost = 0;
    int excused = 0;
    int inBuffer = 0;
    Set<Instant> loggedTimes = new HashSet<>();
    for (LoggedReading r : run.logged()) {
      if (!r.device().equals(device.id())) {
        continue;
      }
      logged++;
      loggedTimes.add(r.acquiredAt());
      if (r.failedPoints()) {
        failed++;
      }
      boolean arrived = received.contains(r.acquiredAt());
      if (r.acquiredAt().isAfter(run.cutoff())) {
        inBuffer += arrived ? 0 : 1;
      } else if (atRisk(run, r.acquiredAt())) {
        excused += arrived ? 0 : 1;
      } else {
        expected++;
        lost += arrived ? 0 : 1;
      }
    }
    int unlogged = (int) received.stream().filter(t -> !loggedTimes.contains(t)).count();
    return new DeviceRow(
        device, logged, failed, expected, received.size(), lost, excused, inBuffer, unlogged);
  }

  private static boolean atRisk(Observations run, Instant acquired) {
    for (Instant kill : run.kills()) {
      if (!acquired.isAfter(kill) && acquired.isAfter(kill.minus(UNCOMMITTED))) {
        return true;
      }
    }
    return run.diskFull().stream()
        .anyMatch(
            w -> new Observations.Window(w.start(), w.end().plus(UNCOMMITTED)).contains(acquired));
  }

  private static SeqFigures seq(int deliveries, TreeSet<Long> seqs) {
    if (seqs.isEmpty()) {
      return new SeqFigures(0, 0, 0, 0, List.of(), 0);
    }
    List<String> gaps = new ArrayList<>();
    long missing = 0;
    long previous = seqs.first();
    for (long s : seqs) {
      if (s > previous + 1) {
        missing += s - previous - 1;
        gaps.add(s == previous + 2 ? Long.toString(previous + 1) : (previous + 1) + ".." + (s - 1));
      }
      previous = s;
    }
    return new SeqFigures(
        seqs.first(), seqs.last(), seqs.size(), deliveries - seqs.size(), gaps, missing);
  }

  private static List<Observations.Window> disturbedWindows(Observations run) {
    return run.played().stream()
        .filter(
            p ->
                p.skipped() == null
                    && (p.action().kind() == Rig.ActionKind.BROKER_DOWN
                        || p.action().kind() == Rig.ActionKind.GATEWAY_KILL
                        || p.action().kind() == Rig.ActionKind.DISK_FILL))
        .map(p -> new Observations.Window(p.start().minus(UNCOMMITTED), p.end().plus(SETTLE)))
        .collect(Collectors.toList());
  }

  private static Latency latency(List<Platform.Delivery> deliveries) {
    List<Duration> sorted =
        deliveries.stream()
            .map(d -> Duration.between(d.acquiredAt(), d.receivedAt()))
            .sorted()
            .toList();
    if (sorted.isEmpty()) {
      return new Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    return new Latency(
        sorted.size(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.get(sorted.size() - 1));
  }

  /** Nearest rank. */
  private static Duration percentile(List<Duration> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }
}
