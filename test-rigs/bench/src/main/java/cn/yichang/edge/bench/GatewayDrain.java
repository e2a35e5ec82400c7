package cn.yichang.edge.bench;

import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import cn.yichang.edge.uplink.UplinkStatus;
import cn.yichang.edge.uplink.internal.BenchUplinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's side of the drain: a {@link SqliteMessageStore} with the site file's default
 * settings, filled with {@code count} soil reading sets through the gateway's {@code
 * KuraTelemetry}, then the uplink (engine, drainer, Paho session, Kura wire format, TLS from the
 * PEM files) started on it, until every message is acknowledged and its row deleted.
 */
final class GatewayDrain {

  /** The store's defaults ({@code store:} in the site file, StoreConfig). */
  static StoreSettings storeSettings(Path file) {
    return new StoreSettings(file, 64L << 20, Duration.ofMillis(250), 500, 20_000, 8192L << 10);
  }

  /** Thread name prefixes: the uplink's loop, Paho's threads, the store's writer. */
  static final String[] THREADS = {"uplink ", BarePahoPublisher.PAHO_THREADS, "edge-store-writer"};

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /**
   * One drain.
   *
   * @param nanos from the first take to the last PUBACK's acknowledgement to the store
   * @param emptyNanos from the first take until the store held no row (deletions committed)
   * @param startNanos from starting the uplink to its first take (TLS handshake, CONNECT, BIRTH)
   * @param takes non-empty takes from the store, and the messages they returned
   * @param takeNanos time the drainer spent in those takes
   * @param cpuNanos CPU time per thread prefix of {@link #THREADS} while draining
   * @param brokerCpuNanos CPU time of the broker's process while draining
   * @param maxInFlight the most messages seen in flight (sampled every millisecond)
   * @param fillRate reading sets per second the store accepted while being filled (not the figure
   *     of this benchmark; the store's own benchmark measures ingest)
   */
  record Result(
      long acknowledged,
      long nanos,
      long emptyNanos,
      long startNanos,
      long takes,
      long taken,
      long takeNanos,
      Map<String, Long> cpuNanos,
      long brokerCpuNanos,
      UplinkStatus status,
      StoreCounters store,
      int maxInFlight,
      double fillRate) {

    double rate() {
      return acknowledged * 1e9 / nanos;
    }

    double rateUntilEmpty() {
      return acknowledged * 1e9 / emptyNanos;
    }

    double cpuMicrosPerMessage(String prefix) {
      return acknowledged == 0 ? 0 : cpuNanos.getOrDefault(prefix, 0L) / 1e3 / acknowledged;
    }
  }

  private GatewayDrain() {}

  static Result run(
      BenchUplinks.Config config, Path workDir, int count, long brokerPid, Duration timeout)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(workDir, "drain-");
    try (SqliteMessageStore store = SqliteMessageStore.open(storeSettings(dir.resolve("buf.db")))) {
      double fillRate = fill(store, config, count, timeout);
      TimedStore timed = new TimedStore(store);
      Map<String, Long> cpuBefore = ThreadCpu.snapshot(THREADS);
      long brokerBefore = ProcFiles.cpuNanos(brokerPid).orElse(0);
      long started = System.nanoTime();
      long deadline = started + timeout.toNanos();
      BenchUplinks.Running uplink = BenchUplinks.start(timed, config, "0.1.0-bench");
      long emptyAt = 0;
      int maxInFlight = 0;
      Map<String, Long> cpu;
      long brokerCpu;
      UplinkStatus status;
      try {
        while (timed.acknowledged() < count && System.nanoTime() - deadline < 0) {
          LockSupport.parkNanos(POLL_NANOS);
          maxInFlight = Math.max(maxInFlight, uplink.status().inFlight());
        }
        while (store.counters().buffered() > 0 && System.nanoTime() - deadline < 0) {
          LockSupport.parkNanos(POLL_NANOS);
        }
        if (store.counters().buffered() == 0) {
          emptyAt = System.nanoTime();
        }
        cpu = ThreadCpu.since(cpuBefore, ThreadCpu.snapshot(THREADS));
        brokerCpu = ProcFiles.cpuNanos(brokerPid).orElse(0) - brokerBefore;
        status = uplink.status();
      } finally {
        uplink.close();
      }
      long first = timed.firstTakenAt();
      long last = timed.lastAcknowledgedAt();
      return new Result(
          timed.acknowledged(),
          first == 0 || last == 0 ? Long.MAX_VALUE : last - first,
          emptyAt == 0 || first == 0 ? Long.MAX_VALUE : emptyAt - first,
          first == 0 ? Long.MAX_VALUE : first - started,
          timed.takes(),
          timed.taken(),
          timed.takeNanos(),
          cpu,
          brokerCpu,
          status,
          store.counters(),
          maxInFlight,
          fillRate);
    } finally {
      WorkDirs.delete(dir);
    }
  }

  /**
   * Queues {@code count} reading sets through the telemetry encoder, no faster than the writer
   * commits them (the intake refuses what does not fit), and waits until all are durable.
   */
  private static double fill(
      SqliteMessageStore store, BenchUplinks.Config config, int count, Duration timeout)
      throws IOException {
    ReadingSink encoder = BenchUplinks.encoder(store, config);
    SoilReadings readings = new SoilReadings();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    for (int i = 0; i < count; i++) {
      while (i - store.counters().accepted() >= 10_000) {
        awaitProgress(deadline, "filling the store");
      }
      encoder.accept(readings.next(i));
    }
    while (store.counters().accepted() < count) {
      if (store.counters().lost() > 0) {
        throw new IOException("the store lost " + store.counters().lost() + " messages");
      }
      awaitProgress(deadline, "filling the store");
    }
    return count * 1e9 / (System.nanoTime() - start);
  }

  private static void awaitProgress(long deadline, String what) throws IOException {
    if (System.nanoTime() - deadline > 0) {
      throw new IOException("timed out " + what);
    }
    LockSupport.parkNanos(POLL_NANOS);
  }
}
