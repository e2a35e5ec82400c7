package cn.yichang.edge.bench;

import cn.yichang.edge.bench.BusBench.PeerOrFailure;
import cn.yichang.edge.bench.BusBench.RunResult;
import cn.yichang.edge.sim.SocatPtyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Complete device polls per second of the gateway's real acquisition path on a saturated RS-485
 * line, against the optimum the line allows and against libmodbus on the same simulated devices.
 * See this module's README for the timing model.
 *
 * <p>Exit status: 0, or 1 if the gateway sent any request before the line was silent (or made no
 * complete poll at all), or 2 for a usage error or a missing tool.
 */
public final class BusThroughputBench {

  private BusThroughputBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!SocatPtyPair.socatAvailable()) {
      System.err.println("socat is not on the PATH (apt-get install socat)");
      System.exit(2);
    }
    System.out.printf(
        "Bus throughput: %d devices polled every %d ms, warm-up %s, measured %s per baud rate;"
            + " %d CPUs, load %s, Java %s%n",
        options.devices(),
        BusBench.POLL_INTERVAL.toMillis(),
        options.warmup(),
        options.measure(),
        Runtime.getRuntime().availableProcessors(),
        BenchReport.loadAverage(),
        System.getProperty("java.version"));
    Optional<PeerOrFailure> peer =
        options.peer() ? Optional.of(compilePeer(options)) : Optional.empty();
    BenchReport report = new BenchReport(System.out);
    List<RunResult> runs = new ArrayList<>();
    for (int baud : options.bauds()) {
      RunResult run =
          BusBench.run(
              baud,
              options.devices(),
              options.warmup(),
              options.measure(),
              options.profileDir(),
              options.workDir(),
              peer);
      report.print(run);
      runs.add(run);
    }
    report.summary(runs);
    boolean bad = false;
    for (RunResult run : runs) {
      if (run.gateway().simulator().earlyRequests() > 0) {
        System.out.printf(
            "FAIL: at %d baud the gateway sent %d request(s) before the line was silent%n",
            run.line().baud(), run.gateway().simulator().earlyRequests());
        bad = true;
      }
      if (run.gateway().completePolls() == 0) {
        System.out.printf(
            "FAIL: at %d baud the gateway made no complete poll%n", run.line().baud());
        bad = true;
      }
    }
    System.exit(bad ? 1 : 0);
  }

  private static PeerOrFailure compilePeer(BenchOptions options) {
    try {
      LibmodbusPeer peer = LibmodbusPeer.compile(options.workDir().resolve("libmodbus"));
      return new PeerOrFailure(peer, null);
    } catch (Exception e) {
      String why = "cannot build the libmodbus master: " + e.getMessage();
      System.out.println(why + " (continuing with the gateway only)");
      return new PeerOrFailure(null, why);
    }
  }
}
