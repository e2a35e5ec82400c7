package cn.yichang.edge.rig;

import cn.yichang.edge.sim.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rig while it runs: the simulated buses, the platform, the gateway (one process per run: a kill
 * -9 and restart starts a new one on the same site file and state directory), and what they did. It
 * is what the timeline acts on.
 */
final class LiveRig implements RigControls {

  /** What the uplink logs on every connection (each one publishes a BIRTH). */
  private static final String CONNECTED = "Uplink connected to";

  private final Path home;
  private final Path site;
  private final Path stateDir;
  private final PrintWriter gatewayLog;
  private final List<SimulatedBus> buses;
  private final Platform platform;
  private final DiskFiller filler;
  private final String noDiskFill;

  // its own lock: the output pump adds to it while a kill or stop holds this rig's lock and waits
  // for the pump to finish
  private final List<LoggedReading> logged = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Instant> kills = new ArrayList<>();
  private final List<Observations.Window> diskFull = new ArrayList<>();
  private final List<String> deaths = new ArrayList<>();
  private GatewayProcess gateway;
  private int runs;
  private Instant runStart;
  private Duration gatewayTime = Duration.ZERO;
  private Instant filledAt;

  LiveRig(
      Path home,
      Path site,
      Path stateDir,
      PrintWriter gatewayLog,
      List<SimulatedBus> buses,
      Platform platform,
      DiskFiller.Mounted disk) {
    this.home = home;
    this.site = site;
    this.stateDir = stateDir;
    this.gatewayLog = gatewayLog;
    this.buses = buses;
    this.platform = platform;
    this.filler = disk.filler();
    this.noDiskFill = disk.whyNot();
  }

  synchronized void startGateway() throws IOException {
    int run = ++runs;
    gateway =
        GatewayProcess.start(home, site, stateDir, gatewayLog, run, line -> onLine(line, run));
    runStart = Instant.now();
  }

  private void onLine(String line, int run) {
    if (line.contains(CONNECTED)) {
      connections.incrementAndGet();
    }
    LoggedReading.parse(line, run)
        .ifPresent(
            r -> {
              synchronized (logged) {
                logged.add(r);
              }
            });
  }

  /** How often the gateways said their uplink connected. */
  int connections() {
    return connections.get();
  }

  synchronized long gatewayPid() {
    return gateway != null && gateway.isAlive() ? gateway.pid() : 0;
  }

  /**
   * Notes a gateway that exited by itself; true while the current one runs (or is meant to be
   * down).
   */
  synchronized boolean checkGateway() {
    if (gateway != null && gateway.diedUnexpectedly()) {
      deaths.add("run " + runs + " exited with " + gateway.exitCode() + " (see the gateway log)");
      endRun();
      gateway = null;
      return false;
    }
    return true;
  }

  /** SIGTERM to the current gateway; its exit code, or -1 after 5 s. */
  synchronized int stopGateway() throws InterruptedException {
    if (gateway == null) {
      return 0;
    }
    int code = gateway.terminate(5);
    endRun();
    gateway = null;
    return code;
  }

  private void endRun() {
    if (runStart != null) {
      gatewayTime = gatewayTime.plus(Duration.between(runStart, Instant.now()));
      runStart = null;
    }
  }

  List<LoggedReading> logged() {
    synchronized (logged) {
      return List.copyOf(logged);
    }
  }

  synchronized List<Instant> kills() {
    return List.copyOf(kills);
  }

  synchronized List<Observations.Window> diskFull() {
    return List.copyOf(diskFull);
  }

  synchronized List<String> deaths() {
    return List.copyOf(deaths);
  }

  /** How long some gateway was running, over all runs. */
  synchronized Duration gatewayTime() {
    return gatewayTime;
  }

  @Override
  public String brokerDown() {
    platform.broker.stop();
    return "mosquitto stopped";
  }

  @Override
  public String brokerUp() throws IOException {
    platform.broker.start();
    return "mosquitto listening again on " + platform.broker.tlsUrl();
  }

  @Override
  public String deviceFault(String device, Fault fault) {
    for (SimulatedBus b : buses) {
      if (b.has(device)) {
        b.setFault(device, fault);
        return (b.unit(device) == null ? device : "unit " + b.unit(device).unit().address())
            + " on "
            + b.bus.id()
            + ": "
            + describe(fault);
      }
    }
    throw new IllegalArgumentException("no device " + device);
  }

  private static String describe(Fault fault) {
    return switch (fault.kind()) {
      case NONE -> "answering normally";
      case SILENT -> "silent";
      case CORRUPT_CRC -> "answering with a bad CRC";
      case SLOW -> "answering " + fault.extraDelay().toMillis() + " ms late";
      case EXCEPTION -> "answering exception " + fault.exceptionCode();
    };
  }

  @Override
  public String lineNoise(String bus, int bytes) throws IOException {
    for (SimulatedBus b : buses) {
      if (b.bus.id().equals(bus)) {
        b.injectNoise(bytes);
        return bytes + " bytes of noise on " + bus;
      }
    }
    throw new IllegalArgumentException("no bus " + bus);
  }

  @Override
  public synchronized String killGateway() throws InterruptedException {
    if (gateway == null) {
      return "no gateway running";
    }
    long pid = gateway.pid();
    kills.add(Instant.now());
    gateway.kill();
    endRun();
    gateway = null;
    return "kill -9 " + pid;
  }

  @Override
  public synchronized String restartGateway() throws IOException {
    startGateway();
    return "gateway run " + runs + " started, pid " + gateway.pid();
  }

  @Override
  public String diskFillUnavailable() {
    return noDiskFill;
  }

  @Override
  public synchronized String fillDisk() throws IOException {
    long bytes = filler.fill();
    filledAt = Instant.now();
    return "state directory full (" + bytes / 1024 + " kB written)";
  }

  @Override
  public synchronized String freeDisk() throws IOException {
    filler.free();
    diskFull.add(new Observations.Window(filledAt, Instant.now()));
    return "filler file deleted";
  }
}
