package cn.yichang.edge.bench;

import cn.yichang.edge.bus.TransactionCounters;
import cn.yichang.edge.bus.internal.BusScheduler;
import cn.yichang.edge.modbus.internal.ModbusDevicePoller;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLineFactory;
import cn.yichang.edge.serial.internal.JSerialCommLineFactory;
import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the benchmark on one line: a socat pty pair, the paced simulator serving every device
 * on the device end, first the gateway's real acquisition path (bus scheduler, jSerialComm line,
 * Modbus poller per device) on the master end, then the libmodbus peer against a fresh simulator on
 * the same pty. Every device asks to be polled every millisecond, far faster than the line allows,
 * so the bus is saturated and polls are taken round-robin.
 */
final class BusBench {

  /** A device's poll interval: far below what any line allows, to saturate the bus. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(1);

  /** The gateway's default response timeout (the bus component's {@code response.timeout.ms}). */
  static final long RESPONSE_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** Thread name prefixes: the bus thread, and the simulator's reading and serving threads. */
  static final String[] THREADS = {"bus-", "sim-read-", "sim-serve-"};

  /** The gateway's part of a run. */
  record GatewayResult(
      long completePolls,
      long incompletePolls,
      double seconds,
      double pollsPerSecond,
      TransactionCounters bus,
      LineStatistics simulator,
      ProbedLineFactory.Figures probe,
      Map<String, Long> cpuNanos) {

    /** CPU time the named threads used per transaction while measuring, in microseconds. */
    long cpuMicrosPerTransaction(String threadPrefix) {
      return probe.gaps() == 0 ? 0 : cpuNanos.getOrDefault(threadPrefix, 0L) / probe.gaps() / 1000;
    }
  }

  /** The peer's part of a run: its figures, or why there are none. */
  record PeerResult(
      String version, LibmodbusPeer.Result polls, LineStatistics simulator, String failure) {

    static PeerResult failed(String why) {
      return new PeerResult(null, null, null, why);
    }

    boolean ran() {
      return failure == null;
    }
  }

  /** Everything measured on one line. */
  record RunResult(
      LineSettings line,
      List<BenchDevice> devices,
      Duration warmup,
      GatewayResult gateway,
      Optional<PeerResult> peer) {

    /** Wire time of one round in which every device is polled once, as the planner prices it. */
    long roundNanos() {
      return devices.stream().mapToLong(d -> d.plan().estimatedNanos()).sum();
    }

    int requestsPerRound() {
      return devices.stream().mapToInt(BenchDevice::requestsPerPoll).sum();
    }

    /** Complete device polls per second the line allows when the devices take turns. */
    double optimumPollsPerSecond() {
      return devices.size() * 1e9 / roundNanos();
    }

    double gatewayRatio() {
      return gateway.pollsPerSecond() / optimumPollsPerSecond();
    }

    /**
     * How much longer than the model each transaction took on average: the measured round time
     * minus the modelled one, shared over the round's requests.
     */
    long overheadPerTransactionNanos() {
      double measuredRound = devices.size() * 1e9 / gateway.pollsPerSecond();
      return Math.round((measuredRound - roundNanos()) / requestsPerRound());
    }

    /**
     * The same for a master that does not keep the silence (the peer): its measured round time
     * minus the modelled one without the silences, shared over the round's requests. It is what the
     * rig itself (pty relay, the simulator's wake-up) and that master cost per transaction.
     */
    long overheadWithoutSilenceNanos(double pollsPerSecond) {
      double measuredRound = devices.size() * 1e9 / pollsPerSecond;
      long modelled = roundNanos() - requestsPerRound() * line.silenceNanos();
      return Math.round((measuredRound - modelled) / requestsPerRound());
    }

    /**
     * The ratio a master would reach that kept the silence exactly but otherwise lost as much time
     * per transaction as the peer: the ceiling this rig leaves a careful master.
     */
    double ceilingWithOverhead(long overheadPerTransactionNanos) {
      return roundNanos()
          / (double) (roundNanos() + requestsPerRound() * overheadPerTransactionNanos);
    }
  }

  private BusBench() {}

  /** Runs the gateway, then the peer if one is given (or reports why it is missing). */
  static RunResult run(
      int baud,
      int deviceCount,
      Duration warmup,
      Duration measure,
      Path profileDir,
      Path workDir,
      Optional<PeerOrFailure> peer)
      throws IOException, InterruptedException, ProfileException {
    try (SocatPtyPair pair = SocatPtyPair.start(workDir, "ttyGW" + baud, "ttyDEV" + baud)) {
      LineSettings master = line(pair.masterEnd(), baud);
      LineSettings device = line(pair.deviceEnd(), baud);
      List<BenchDevice> devices = BenchDevice.fleet(profileDir, deviceCount, master);
      GatewayResult gateway = runGateway(master, device, devices, warmup, measure);
      Optional<PeerResult> peerResult =
          peer.map(p -> runPeer(p, master, device, devices, warmup, measure));
      return new RunResult(master, devices, warmup, gateway, peerResult);
    }
  }

  static LineSettings line(Path port, int baud) {
    return new LineSettings(port.toString(), baud, Parity.NONE, 8, 1);
  }

  static GatewayResult runGateway(
      LineSettings master,
      LineSettings deviceEnd,
      List<BenchDevice> devices,
      Duration warmup,
      Duration measure)
      throws IOException, InterruptedException {
    return runGateway(new JSerialCommLineFactory(), master, deviceEnd, devices, warmup, measure);
  }

  /** The same with another line factory, to try a change of the serial layer against the rig. */
  static GatewayResult runGateway(
      SerialLineFactory factory,
      LineSettings master,
      LineSettings deviceEnd,
      List<BenchDevice> devices,
      Duration warmup,
      Duration measure)
      throws IOException, InterruptedException {
    PollCounter polls = new PollCounter(devices.size());
    ProbedLineFactory lines = new ProbedLineFactory(factory);
    try (PacedRtuSlave slave =
        PacedRtuSlave.start(
            deviceEnd, Timing.WIRE, devices.stream().map(BenchDevice::simulatedUnit).toList())) {
      BusScheduler bus =
          new BusScheduler("bench", master, RESPONSE_TIMEOUT_NANOS, lines, Clock.systemUTC());
      for (BenchDevice device : devices) {
        bus.attach(
            new ModbusDevicePoller(
                device.id(),
                device.profile(),
                device.unit(),
                POLL_INTERVAL,
                device.plan(),
                polls,
                Clock.systemUTC()));
      }
      ProbedLineFactory.Figures probe;
      Map<String, Long> cpu;
      bus.start();
      try {
        sleep(warmup);
        lines.reset();
        Map<String, Long> cpuBefore = ThreadCpu.snapshot(THREADS);
        polls.startMeasuring();
        sleep(measure);
        polls.stopMeasuring();
        probe = lines.figures();
        cpu = ThreadCpu.since(cpuBefore, ThreadCpu.snapshot(THREADS));
      } finally {
        bus.stop();
      }
      return new GatewayResult(
          polls.measuredPolls(),
          polls.measuredIncomplete(),
          polls.windowSeconds(),
          polls.pollsPerSecond(),
          bus.counters(),
          slave.statistics(),
          probe,
          cpu);
    }
  }

  private static PeerResult runPeer(
      PeerOrFailure peer,
      LineSettings master,
      LineSettings deviceEnd,
      List<BenchDevice> devices,
      Duration warmup,
      Duration measure) {
    if (peer.failure() != null) {
      return PeerResult.failed(peer.failure());
    }
    try (PacedRtuSlave slave =
        PacedRtuSlave.start(
            deviceEnd, Timing.WIRE, devices.stream().map(BenchDevice::simulatedUnit).toList())) {
      LibmodbusPeer.Result result =
          peer.peer()
              .poll(
                  Path.of(master.port()),
                  master.baud(),
                  warmup,
                  measure,
                  devices.stream().map(BenchDevice::peerSpec).toList());
      return new PeerResult(peer.peer().version(), result, slave.statistics(), null);
    } catch (IOException e) {
      return PeerResult.failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PeerResult.failed("interrupted");
    }
  }

  /** The compiled peer, or why it could not be built. */
  record PeerOrFailure(LibmodbusPeer peer, String failure) {}

  /**
   * The measurement itself is a wait of fixed length, so a plain timed wait (not a
   * synchronisation).
   */
  private static void sleep(Duration duration) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
