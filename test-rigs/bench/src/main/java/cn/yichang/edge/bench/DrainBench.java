package cn.yichang.edge.bench;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.uplink.internal.BenchUplinks;
import cn.yichang.edge.uplink.tls.TlsContextFactory;
import cn.yichang.edge.uplink.tls.TlsFiles;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * Acknowledged messages per second from the buffer to a local TLS Mosquitto requiring client
 * certificates, through the gateway's real path (SQLite store, uplink engine and drainer, Paho,
 * Kura wire format), beside the raw limit measured in the same run: a bare Paho async publisher
 * with the same protocol, in-flight window, persistence and TLS, publishing as many messages of the
 * same size. See this module's README.
 *
 * <p>Exit status: 0; 1 if a drain did not deliver every message, or the uplink reconnected or saw a
 * publish fail; 2 for a usage error or a missing tool.
 */
public final class DrainBench {

  static final String ACCOUNT = "yichang";
  static final String GATEWAY = "yc-bench-0001";
  static final int WARMUP_MESSAGES = 5000;

  private final DrainOptions options;
  private final PrintStream out;
  private boolean failed;

  private DrainBench(DrainOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** One drain of the gateway and one of the bare publisher, at one protocol and window. */
  record Round(GatewayDrain.Result gateway, BarePahoPublisher.Result bare) {
    double ratio() {
      return gateway.rate() / bare.rate();
    }
  }

  /** All rounds at one protocol and window. */
  record Series(String protocol, int window, String load, List<Round> rounds) {
    Round median() {
      List<Round> sorted = new ArrayList<>(rounds);
      sorted.sort(Comparator.comparingDouble(Round::ratio));
      return sorted.get(sorted.size() / 2);
    }
  }

  public static void main(String[] args) throws Exception {
    DrainOptions options;
    try {
      options = DrainOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(DrainOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!MosquittoBroker.installed()) {
      System.err.println("mosquitto is not installed (apt-get install mosquitto)");
      System.exit(2);
    }
    DrainBench bench = new DrainBench(options, System.out);
    bench.run();
    System.exit(bench.failed ? 1 : 0);
  }

  private void run() throws Exception {
    Files.createDirectories(options.workDir());
    Path work = Files.createTempDirectory(options.workDir(), "sanxia-drain-bench-");
    try {
      PkiFiles pki = TestPki.generate(work.resolve("pki"), GATEWAY);
      try (MosquittoBroker broker =
          MosquittoBroker.start(
              pki, BrokerOptions.tlsOnly().withMaxInflightMessages(options.brokerInflight()))) {
        BenchUplinks.Config base =
            new BenchUplinks.Config(
                broker.tlsUrl(),
                "mqtt5",
                pki.caCert(),
                pki.gateway().cert(),
                pki.gateway().key(),
                ACCOUNT,
                GATEWAY,
                BenchUplinks.DEFAULT_IN_FLIGHT);
        SSLSocketFactory sockets =
            TlsContextFactory.create(
                TlsFiles.pem(pki.caCert(), pki.gateway().cert(), pki.gateway().key(), null, false));
        int n = options.messages();
        List<SoilReadings.Sample> samples =
            SoilReadings.wireSamples(base, n / 2, SoilReadings.DEVICES, n / 2 + 1);
        header(samples);
        warmUp(base, sockets, samples, work, broker);
        List<Series> all = new ArrayList<>();
        for (String protocol : options.protocols()) {
          for (int window : options.windows()) {
            all.add(
                series(
                    base.withProtocol(protocol).withInFlight(window),
                    sockets,
                    samples,
                    work,
                    broker));
          }
        }
        costs(samples);
        kura(all);
        summary(all);
      }
    } finally {
      WorkDirs.delete(work);
    }
  }

  private void header(List<SoilReadings.Sample> samples) {
    double stored = samples.stream().mapToInt(s -> s.stored().payload().length).average().orElse(0);
    double wire = samples.stream().mapToInt(s -> s.wire().length).average().orElse(0);
    long gzipped = samples.stream().filter(s -> KuraPayloadCodec.isGzip(s.wire())).count();
    double topic = samples.stream().mapToInt(s -> s.stored().topic().length()).average().orElse(0);
    printf(
        "Drain: %,d soil reading sets per drain (KuraPayload %.0f bytes stored, %.0f bytes published"
            + " with edge.seq, %d of %d samples gzipped; topics of %.0f characters like %s),%n"
            + "  %d rounds per protocol and window, gateway and bare Paho alternating; Mosquitto"
            + " max_inflight_messages %d;%n  %d CPUs, load %s, Java %s, JVM options %s%n",
        options.messages(),
        stored,
        wire,
        gzipped,
        samples.size(),
        topic,
        samples.get(0).stored().topic(),
        options.rounds(),
        options.brokerInflight(),
        Runtime.getRuntime().availableProcessors(),
        BenchReport.loadAverage(),
        System.getProperty("java.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /**
   * One drain each way per protocol, small, so that the measured rounds do not pay class loading.
   */
  private void warmUp(
      BenchUplinks.Config base,
      SSLSocketFactory sockets,
      List<SoilReadings.Sample> samples,
      Path work,
      MosquittoBroker broker)
      throws Exception {
    long start = System.nanoTime();
    int n = Math.min(WARMUP_MESSAGES, options.messages());
    for (String protocol : options.protocols()) {
      BenchUplinks.Config config = base.withProtocol(protocol);
      GatewayDrain.run(config, work, n, broker.pid(), options.timeout());
      bare(config, sockets, samples, n, broker.pid());
    }
    printf(
        "  warm-up: one drain of %,d each way per protocol, %.1f s%n",
        n, (System.nanoTime() - start) / 1e9);
  }

  private Series series(
      BenchUplinks.Config config,
      SSLSocketFactory sockets,
      List<SoilReadings.Sample> samples,
      Path work,
      MosquittoBroker broker)
      throws Exception {
    String load = BenchReport.loadAverage();
    printf("%n== %s, in-flight window %d, load %s%n", config.protocol(), config.inFlight(), load);
    List<Round> rounds = new ArrayList<>();
    for (int r = 0; r < options.rounds(); r++) {
      GatewayDrain.Result gateway;
      BarePahoPublisher.Result bare;
      if (r % 2 == 0) {
        gateway =
            GatewayDrain.run(config, work, options.messages(), broker.pid(), options.timeout());
        bare = bare(config, sockets, samples, options.messages(), broker.pid());
      } else {
        bare = bare(config, sockets, samples, options.messages(), broker.pid());
        gateway =
            GatewayDrain.run(config, work, options.messages(), broker.pid(), options.timeout());
      }
      Round round = new Round(gateway, bare);
      rounds.add(round);
      check(config, round);
      printf(
          "  round %d  gateway %,8.0f msg/s (until the store is empty %,8.0f; connect+BIRTH %d ms,"
              + " window seen %d)   bare Paho %,8.0f msg/s (window %d)   ratio %.2f%n",
          r + 1,
          gateway.rate(),
          gateway.rateUntilEmpty(),
          gateway.startNanos() / 1_000_000,
          gateway.maxInFlight(),
          bare.rate(),
          bare.window(),
          round.ratio());
    }
    Series series = new Series(config.protocol(), config.inFlight(), load, rounds);
    where(series.median());
    return series;
  }

  private BarePahoPublisher.Result bare(
      BenchUplinks.Config config,
      SSLSocketFactory sockets,
      List<SoilReadings.Sample> samples,
      int count,
      long brokerPid)
      throws Exception {
    return BarePahoPublisher.run(
        config.protocol(),
        config.url(),
        sockets,
        config.inFlight(),
        samples.stream().map(s -> s.stored().topic()).toList(),
        samples.stream().map(SoilReadings.Sample::wire).toList(),
        count,
        options.timeout(),
        brokerPid);
  }

  private void check(BenchUplinks.Config config, Round round) {
    GatewayDrain.Result g = round.gateway();
    String where = config.protocol() + " window " + config.inFlight();
    if (g.acknowledged() < options.messages() || g.store().buffered() > 0) {
      printf(
          "FAIL: %s: the gateway acknowledged %d of %d messages, %d rows left%n",
          where, g.acknowledged(), options.messages(), g.store().buffered());
      failed = true;
    }
    if (g.status().reconnects() > 0 || g.status().failed() > 0) {
      printf(
          "FAIL: %s: the uplink reconnected %d times, %d publishes failed (last error: %s)%n",
          where, g.status().reconnects(), g.status().failed(), g.status().lastError());
      failed = true;
    }
    if (round.bare().acknowledged() < options.messages()) {
      printf(
          "FAIL: %s: the bare publisher got %d of %d PUBACKs%n",
          where, round.bare().acknowledged(), options.messages());
      failed = true;
    }
  }

  /** Where the time of the median round went, per message. */
  private void where(Round round) {
    GatewayDrain.Result g = round.gateway();
    BarePahoPublisher.Result b = round.bare();
    printf(
        "  median round: ratio %.2f; CPU per message: gateway: uplink thread %.1f us (wall time in"
            + " take %.1f us; %,d takes of %.1f messages), Paho threads %.1f us, store writer %.1f us,"
            + " broker %.1f us | bare: publishing thread %.1f us, Paho threads %.1f us, broker"
            + " %.1f us%n",
        round.ratio(),
        g.cpuMicrosPerMessage("uplink "),
        g.takeNanos() / 1e3 / Math.max(1, g.acknowledged()),
        g.takes(),
        g.taken() / (double) Math.max(1, g.takes()),
        g.cpuMicrosPerMessage(BarePahoPublisher.PAHO_THREADS),
        g.cpuMicrosPerMessage("edge-store-writer"),
        g.brokerCpuNanos() / 1e3 / Math.max(1, g.acknowledged()),
        b.publisherCpuNanos() / 1e3 / Math.max(1, b.acknowledged()),
        b.pahoCpuNanos() / 1e3 / Math.max(1, b.acknowledged()),
        b.brokerCpuNanos() / 1e3 / Math.max(1, b.acknowledged()));
    printf(
        "    wall time per message: gateway %.1f us, bare %.1f us; the broker's CPU is %.0f%% / %.0f%%"
            + " of the wall time%n",
        g.nanos() / 1e3 / g.acknowledged(),
        b.nanos() / 1e3 / b.acknowledged(),
        100.0 * g.brokerCpuNanos() / g.emptyNanos(),
        100.0 * b.brokerCpuNanos() / b.nanos());
  }

  /** The uplink thread's own work per message, measured alone on this thread. */
  private void costs(List<SoilReadings.Sample> samples) {
    int iterations = 20_000;
    double encode =
        SoilReadings.meanNanos(samples, iterations, s -> BenchUplinks.wireBytes(s.stored()));
    double append =
        SoilReadings.meanNanos(
            samples,
            iterations,
            s ->
                KuraPayloadCodec.appendMetric(
                    s.stored().payload(), new KuraMetric("edge.seq", s.stored().seq())));
    double gzip =
        SoilReadings.meanNanos(
            samples, iterations, s -> KuraPayloadCodec.compressIfShorter(s.wire()));
    ReusedGzip reused = new ReusedGzip();
    double reusedGzip = SoilReadings.meanNanos(samples, iterations, s -> reused.compress(s.wire()));
    long shorter = samples.stream().filter(s -> KuraPayloadCodec.isGzip(s.wire())).count();
    printf(
        "%nPer message on the uplink thread, measured alone: wire format %.1f us = edge.seq appended"
            + " %.1f us + gzip tried %.1f us (shorter for %d of %d samples, else dropped);"
            + " the same gzip with one Deflater kept and reset: %.1f us%n",
        encode / 1e3, append / 1e3, gzip / 1e3, shorter, samples.size(), reusedGzip / 1e3);
  }

  private void kura(List<Series> all) {
    double best = all.stream().mapToDouble(s -> s.median().gateway().rate()).max().orElse(0);
    printf(
        "Kura's DataService defaults for comparison: rate limit 1 message/s (9 in flight): %,d"
            + " messages take %.1f h; the gateway's best median here takes %.1f s (%,.0fx)%n",
        options.messages(), options.messages() / 3600.0, options.messages() / best, best);
  }

  private void summary(List<Series> all) {
    printf(
        "%n| protocol | window | gateway msg/s | until store empty | bare Paho msg/s | ratio"
            + " (median of %d) | load |%n",
        options.rounds());
    printf("|---|---|---|---|---|---|---|%n");
    for (Series s : all) {
      Round m = s.median();
      printf(
          "| %s | %d | %,.0f | %,.0f | %,.0f | %.2f | %s |%n",
          s.protocol(),
          s.window(),
          m.gateway().rate(),
          m.gateway().rateUntilEmpty(),
          m.bare().rate(),
          m.ratio(),
          s.load());
    }
  }

  private void printf(String format, Object... args) {
    out.print(String.format(Locale.ROOT, format, args));
  }
}
