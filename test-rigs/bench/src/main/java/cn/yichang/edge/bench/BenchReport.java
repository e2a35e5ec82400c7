package cn.yichang.edge.bench;

import cn.yichang.edge.bench.BusBench.GatewayResult;
import cn.yichang.edge.bench.BusBench.PeerResult;
import cn.yichang.edge.bench.BusBench.RunResult;
import cn.yichang.edge.bus.TransactionCounters;
import cn.yichang.edge.sim.LineStatistics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints the figures of a run, for people: one block per line, a summary row per line. */
final class BenchReport {

  private final PrintStream out;

  BenchReport(PrintStream out) {
    this.out = out;
  }

  void print(RunResult run) {
    GatewayResult gw = run.gateway();
    TransactionCounters bus = gw.bus();
    LineStatistics sim = gw.simulator();
    printf(
        "%n== %d baud 8N1, %d devices, measured %.1f s after %.1f s warm-up (load %s)%n",
        run.line().baud(),
        run.devices().size(),
        gw.seconds(),
        run.warmup().toMillis() / 1e3,
        loadAverage());
    for (BenchDevice device : run.devices()) {
      printf(
          "  unit %-2d %-22s %d request(s) per poll: %-26s %6.2f ms on the wire%n",
          device.unit(),
          device.profile().id(),
          device.requestsPerPoll(),
          device.plan().describe(),
          device.plan().estimatedNanos() / 1e6);
    }
    printf(
        "  optimum      %8.2f polls/s  (%d requests, %.2f ms per round of all devices)%n",
        run.optimumPollsPerSecond(), run.requestsPerRound(), run.roundNanos() / 1e6);
    printf(
        "  gateway      %8.2f polls/s  ratio %.3f  early %d  timeouts %d  corrupt/CRC %d"
            + "  exceptions %d  incomplete polls %d%n",
        gw.pollsPerSecond(),
        run.gatewayRatio(),
        sim.earlyRequests(),
        bus.timeouts(),
        bus.corruptFrames(),
        bus.exceptions(),
        gw.incompletePolls());
    ProbedLineFactory.Figures probe = gw.probe();
    printf(
        "    per transaction %+d us beyond the model: gateway idle reply->request mean %d us"
            + " (silence %d us, min %d, max %d), write call %d us, simulator reply late mean %d us"
            + " (max %d), shortest idle seen by the simulator %d us%n",
        run.overheadPerTransactionNanos() / 1000,
        probe.meanGapNanos() / 1000,
        run.line().silenceNanos() / 1000,
        probe.minGapNanos() / 1000,
        probe.maxGapNanos() / 1000,
        probe.meanWriteNanos() / 1000,
        sim.meanReplyLateNanos() / 1000,
        sim.maxReplyLateNanos() / 1000,
        sim.shortestIdleNanos() / 1000);
    printf(
        "    CPU per transaction: bus thread %d us, simulator reader %d us, simulator server %d us%n",
        gw.cpuMicrosPerTransaction("bus-"),
        gw.cpuMicrosPerTransaction("sim-read-"),
        gw.cpuMicrosPerTransaction("sim-serve-"));
    run.peer().ifPresent(peer -> printPeer(run, peer));
  }

  private void printPeer(RunResult run, PeerResult peer) {
    if (!peer.ran()) {
      printf("  libmodbus    not measured: %s%n", peer.failure());
      return;
    }
    double rate = peer.polls().pollsPerSecond();
    printf(
        "  libmodbus %-6s %5.2f polls/s  ratio %.3f  early %d of %d requests  failed polls %d"
            + "  (shortest idle %d us, simulator reply late mean %d us)%n",
        peer.version(),
        rate,
        rate / run.optimumPollsPerSecond(),
        peer.simulator().earlyRequests(),
        peer.simulator().requests(),
        peer.polls().failed(),
        peer.simulator().shortestIdleNanos() / 1000,
        peer.simulator().meanReplyLateNanos() / 1000);
    long overhead = run.overheadWithoutSilenceNanos(rate);
    printf(
        "    per transaction %+d us beyond the model without the silence: a master as quick that"
            + " kept the silence would reach ratio %.3f on this rig%n",
        overhead / 1000, run.ceilingWithOverhead(overhead));
    printf("  gateway / libmodbus %.3f%n", run.gateway().pollsPerSecond() / rate);
  }

  /** One row per run, to paste into the README. */
  void summary(java.util.List<RunResult> runs) {
    printf(
        "%n| baud | devices | requests/round | optimum polls/s | gateway polls/s | ratio"
            + " | gateway early | timeouts | libmodbus polls/s | libmodbus early |%n");
    printf("|---|---|---|---|---|---|---|---|---|---|%n");
    for (RunResult run : runs) {
      String peerRate =
          run.peer()
              .filter(PeerResult::ran)
              .map(p -> String.format(Locale.ROOT, "%.2f", p.polls().pollsPerSecond()))
              .orElse("-");
      String peerEarly =
          run.peer()
              .filter(PeerResult::ran)
              .map(p -> p.simulator().earlyRequests() + " of " + p.simulator().requests())
              .orElse("-");
      printf(
          "| %d | %d | %d | %.2f | %.2f | %.3f | %d | %d | %s | %s |%n",
          run.line().baud(),
          run.devices().size(),
          run.requestsPerRound(),
          run.optimumPollsPerSecond(),
          run.gateway().pollsPerSecond(),
          run.gatewayRatio(),
          run.gateway().simulator().earlyRequests(),
          run.gateway().bus().timeouts(),
          peerRate,
          peerEarly);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private void printf(String format, Object... args) {
    out.print(String.format(Locale.ROOT, format, args));
  }
}
