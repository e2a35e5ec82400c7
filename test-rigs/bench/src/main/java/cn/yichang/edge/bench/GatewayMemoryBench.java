package cn.yichang.edge.bench;

import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Resident memory of the gateway as it runs in the field: the built distribution started with
 * {@code bin/sanxia-edge run} (its default JVM options unless told otherwise), 64 devices on 4
 * simulated RS-485 buses polled every second, the buffer in a temporary directory and the uplink to
 * a TLS Mosquitto requiring client certificates, so that acquisition, buffer and uplink all run.
 * Beside it, in the same run, the same distribution with a site file that has only {@code
 * gateway:}: what the runtime costs without any of them. See this module's README.
 *
 * <p>Exit status: 0; 1 if the gateway died, logged no reading, or a reading set it logged did not
 * reach the broker; 2 for a usage error or a missing tool.
 */
public final class GatewayMemoryBench {

  static final String GATEWAY = "yc-bench-0064";
  static final String IDLE = "yc-bench-idle";
  static final String ACCOUNT = "yichang";
  private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long DELIVERY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final MemoryOptions options;
  private final PrintStream out = System.out;

  private GatewayMemoryBench(MemoryOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    MemoryOptions options;
    try {
      options = MemoryOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(MemoryOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!SocatPtyPair.socatAvailable() || !MosquittoBroker.installed()) {
      System.err.println("needs socat and mosquitto (apt-get install socat mosquitto)");
      System.exit(2);
    }
    System.exit(new GatewayMemoryBench(options).run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    Files.createDirectories(options.workDir());
    Path work = Files.createTempDirectory(options.workDir(), "sanxia-memory-bench-");
    List<AutoCloseable> open = new ArrayList<>();
    try {
      // A copy: other builds may rewrite distrib/target while the gateways run from it.
      Path home = copyTree(options.home(), work.resolve("sanxia-edge"));
      PkiFiles pki = TestPki.generate(work.resolve("pki"), GATEWAY);
      MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly());
      open.add(broker);
      BrokerSubscriber subscriber =
          BrokerSubscriber.connect(broker, pki, ACCOUNT + "/" + GATEWAY + "/#");
      open.add(subscriber);
      MemoryRig rig = MemoryRig.start(options, home, work.resolve("pty"));
      open.add(rig);
      Path site = rig.writeSite(work, GATEWAY, ACCOUNT, broker.tlsUrl(), pki);
      Path idleSite =
          Files.writeString(
              work.resolve("idle.yaml"),
              "gateway: {id: %s, account: %s}\n".formatted(IDLE, ACCOUNT));
      header(rig);
      return measure(home, work, site, idleSite, rig, subscriber);
    } finally {
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          open.get(i).close();
        } catch (Exception e) {
          System.err.println("closing: " + e);
        }
      }
      WorkDirs.delete(work);
    }
  }

  private boolean measure(
      Path home, Path work, Path site, Path idleSite, MemoryRig rig, BrokerSubscriber subscriber)
      throws Exception {
    String javaOpts = options.effectiveJavaOpts();
    Files.createDirectories(work.resolve("state-gw"));
    Files.createDirectories(work.resolve("state-idle"));
    Path gatewayLog = options.workDir().resolve("sanxia-memory-bench-gateway.log");
    long start = System.nanoTime();
    try (GatewayRun gateway =
            GatewayRun.start(
                "gateway", home, site, work.resolve("state-gw"), javaOpts, gatewayLog);
        GatewayRun idle =
            options.peer()
                ? GatewayRun.start(
                    "idle",
                    home,
                    idleSite,
                    work.resolve("state-idle"),
                    javaOpts,
                    options.workDir().resolve("sanxia-memory-bench-idle.log"))
                : null) {
      OptionalLong pid = gateway.awaitJvm(30_000);
      OptionalLong idlePid = idle == null ? OptionalLong.empty() : idle.awaitJvm(30_000);
      if (pid.isEmpty()) {
        printf("FAIL: the gateway did not start; its log: %s%n", gatewayLog);
        return false;
      }
      MemorySeries gw = new MemorySeries();
      MemorySeries peer = new MemorySeries();
      long measureFrom = start + options.warmup().toNanos();
      long measureTo = measureFrom + options.measure().toNanos();
      Instant wallFrom = null;
      long cpuFrom = 0;
      LineStatistics[] linesFrom = null;
      boolean died = false;
      for (long next = start + SAMPLE_NANOS; ; next += SAMPLE_NANOS) {
        LockSupport.parkNanos(next - System.nanoTime());
        long now = System.nanoTime();
        if (wallFrom == null && now - measureFrom >= 0) {
          wallFrom = Instant.now();
          cpuFrom = ProcFiles.cpuNanos(pid.getAsLong()).orElse(0);
          linesFrom = rig.statistics();
        }
        if (!gateway.isAlive()) {
          died = true;
          break;
        }
        boolean measuring = wallFrom != null;
        gw.sample(gateway.status(), measuring);
        if (idle != null && idle.isAlive()) {
          peer.sample(idle.status(), measuring);
        }
        long second = TimeUnit.NANOSECONDS.toSeconds(now - start);
        if (second % 10 == 0) {
          printf(
              "  t=%3d s %s gateway RSS %5.1f MiB, HWM %5.1f MiB, %4d reading sets logged%s%n",
              second,
              measuring ? "measuring" : "warm-up  ",
              gw.lastRssMb(),
              gw.lastHwmMb(),
              gateway.readings().size(),
              idle == null
                  ? ""
                  : String.format(Locale.ROOT, "; idle RSS %5.1f MiB", peer.lastRssMb()));
        }
        if (now - measureTo >= 0) {
          break;
        }
      }
      if (died) {
        printf("FAIL: the gateway died during the run; its log: %s%n", gatewayLog);
        return false;
      }
      long end = System.nanoTime();
      Instant wallTo = Instant.now();
      long cpu = ProcFiles.cpuNanos(pid.getAsLong()).orElse(0) - cpuFrom;
      LineStatistics[] linesTo = rig.statistics();
      JvmReport.Heap heap = JvmReport.heap(pid.getAsLong());
      JvmReport.Heap idleHeap =
          idlePid.isPresent() ? JvmReport.heap(idlePid.getAsLong()) : JvmReport.Heap.UNKNOWN;
      List<JvmReport.Category> nmt =
          options.nmt() ? JvmReport.nativeMemory(pid.getAsLong()) : List.of();
      List<JvmReport.Category> idleNmt =
          options.nmt() && idlePid.isPresent()
              ? JvmReport.nativeMemory(idlePid.getAsLong())
              : List.of();
      double seconds = (end - measureFrom) / 1e9;
      long logged = gateway.readingsBetween(measureFrom, end);
      Delivery delivery = Delivery.await(gateway.readings(), subscriber, DELIVERY_GRACE_NANOS);
      long received = delivery.receivedBetween(wallFrom, wallTo);
      int gatewayExit = gateway.stop();
      if (idle != null) {
        idle.stop();
      }
      MemoryReport report = new MemoryReport(out, options);
      report.memory("gateway", gw, heap, cpu / 1e9 / seconds);
      if (idle != null) {
        report.memory("idle", peer, idleHeap, Double.NaN);
        report.cost(gw, peer);
      }
      report.nativeMemory(nmt, idleNmt);
      report.readings(logged, received, seconds, delivery, rig.buses(linesFrom, linesTo));
      report.aim(gw);
      printf(
          "  gateway log: %s (exit code %d, %.1f s after SIGTERM)%n",
          gatewayLog, gatewayExit, gateway.stopNanos() / 1e9);
      boolean ok = true;
      if (logged == 0) {
        printf("FAIL: the gateway logged no reading set while measured%n");
        ok = false;
      }
      if (!delivery.missing().isEmpty()) {
        printf(
            "FAIL: %d reading set(s) logged did not reach the broker within %d s, e.g. %s%n",
            delivery.missing().size(),
            TimeUnit.NANOSECONDS.toSeconds(DELIVERY_GRACE_NANOS),
            delivery.missing().get(0));
        ok = false;
      }
      return ok;
    }
  }

  /** Copies the distribution, keeping the scripts executable. */
  private static Path copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private void header(MemoryRig rig) {
    printf(
        "Gateway memory: %d devices (%d buses x %d, soil-3in1 and ph-orp alternating) polled every"
            + " %d ms, socat ptys at %d 8N1, simulator timing %s (%s);%n  store in a temporary"
            + " directory, uplink mqtt5 to a TLS Mosquitto with client certificates; distribution"
            + " %s (run from a copy);%n  SANXIA_JAVA_OPTS %s; warm-up %d s, measured %d s; %d CPUs, load %s%n",
        options.devices(),
        options.buses(),
        options.devicesPerBus(),
        options.poll().toMillis(),
        options.baud(),
        options.timing(),
        rig.describeLoad(options.poll()),
        options.home(),
        options.effectiveJavaOpts() == null
            ? "unset (the distribution's default: "
                + MemoryOptions.launcherDefault(options.home())
                + ")"
            : "\"" + options.effectiveJavaOpts() + "\"",
        options.warmup().toSeconds(),
        options.measure().toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        BenchReport.loadAverage());
  }

  /** Resident memory samples of one process, in kB. */
  static final class MemorySeries {
    private Map<String, Long> last = Map.of();
    private long maxRssKb;
    private long maxRssMeasuredKb;
    private long samples;

    void sample(Map<String, Long> status, boolean measuring) {
      if (status.isEmpty()) {
        return;
      }
      last = status;
      long rss = status.getOrDefault("VmRSS", 0L);
      maxRssKb = Math.max(maxRssKb, rss);
      if (measuring) {
        maxRssMeasuredKb = Math.max(maxRssMeasuredKb, rss);
        samples++;
      }
    }

    long lastKb(String field) {
      return last.getOrDefault(field, 0L);
    }

    double lastRssMb() {
      return lastKb("VmRSS") / 1024.0;
    }

    double lastHwmMb() {
      return lastKb("VmHWM") / 1024.0;
    }

    /** Highest VmRSS sampled while measuring. */
    double maxRssMeasuredMb() {
      return maxRssMeasuredKb / 1024.0;
    }

    long samples() {
      return samples;
    }
  }

  private void printf(String format, Object... args) {
    out.print(String.format(Locale.ROOT, format, args));
  }
}
