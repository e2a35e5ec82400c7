package cn.yichang.edge.bench;

import cn.yichang.edge.kura.KuraTelemetry;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Deadband;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.report.ReportMode;
import cn.yichang.edge.report.ReportPolicy;
import cn.yichang.edge.report.Reporter;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import cn.yichang.edge.uplink.internal.BenchUplinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What report-by-exception saves on a SIM card billed by the megabyte: the four domain rigs over a
 * simulated day (acquisition times fast-forwarded), each way of reporting sent for real through the
 * gateway's store and uplink to a TLS Mosquitto with client certificates, the bytes counted on the
 * socket (TLS records, handshake, MQTT framing, BIRTH included). Prints figures; not a test.
 */
public final class BandwidthBench {
  private static final String ACCOUNT = "yichang";
  private static final String GATEWAY = "yc-bench-bw";
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private final Path root;
  private final long pollScale;
  private final Duration heartbeat;
  private final Duration day;

  private BandwidthBench(Path root, long pollScale, Duration heartbeat, Duration day) {
    this.root = root;
    this.pollScale = pollScale;
    this.heartbeat = heartbeat;
    this.day = day;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!MosquittoBroker.installed()) {
      System.err.println("mosquitto is not installed (apt-get install mosquitto)");
      System.exit(2);
    }
    Path root = Path.of(o.getOrDefault("root", "."));
    BandwidthBench bench =
        new BandwidthBench(
            root,
            Long.parseLong(o.getOrDefault("poll-scale", "60")),
            Duration.ofMinutes(Long.parseLong(o.getOrDefault("heartbeat-min", "15"))),
            Duration.ofHours(Long.parseLong(o.getOrDefault("hours", "24"))));
    String rigs = o.getOrDefault("rigs", "agriculture,water-quality,parking,elderly-care");
    bench.run(List.of(rigs.split(",")), Path.of(o.getOrDefault("work-dir", "/tmp")));
  }

  private void run(List<String> rigs, Path workDir) throws Exception {
    Path work = Files.createTempDirectory(workDir, "sanxia-bandwidth-");
    try {
      PkiFiles pki = TestPki.generate(work.resolve("pki"), GATEWAY);
      try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
        System.out.printf(
            Locale.ROOT,
            "Bandwidth: %s simulated per rig, polls %dx the rigs' (compressed) intervals,"
                + " on-change with the profiles' deadbands and a %d min heartbeat;"
                + " bytes counted on the TLS socket both ways, MQTT 5%n",
            day,
            pollScale,
            heartbeat.toMinutes());
        System.out.printf(
            Locale.ROOT,
            "%-14s %4s %8s | %-22s | %-22s | %-22s | %6s %6s%n",
            "rig",
            "devs",
            "polls/d",
            "every-poll msg  bytes",
            "change+period msg bytes",
            "on-change msg  bytes",
            "ratio",
            "lost");
        for (String rig : rigs) {
          rig(rig, pki, broker, work);
        }
      }
    } finally {
      WorkDirs.delete(work);
    }
  }

  private void rig(String name, PkiFiles pki, MosquittoBroker broker, Path work) throws Exception {
    List<SimulatedDevice> devices = devices(name);
    long polls = 0;
    Map<String, List<ReadingSet>> byMode = new LinkedHashMap<>();
    Reporter everyPoll = new Reporter(id -> ReportPolicy.EVERY_POLL);
    Map<String, ReportPolicy> policies = new HashMap<>();
    for (SimulatedDevice d : devices) {
      Map<String, Deadband> bands = new HashMap<>();
      d.profile.deadbands().forEach((p, b) -> bands.put(p, Deadband.parse(b)));
      policies.put(d.id, new ReportPolicy(ReportMode.ON_CHANGE, heartbeat, bands));
    }
    Reporter onChange = new Reporter(policies::get);
    ChangeOrPeriod changeOrPeriod = new ChangeOrPeriod(heartbeat);
    List<ReadingSet> sentEvery = new ArrayList<>();
    List<ReadingSet> sentPeriod = new ArrayList<>();
    List<ReadingSet> sentChange = new ArrayList<>();
    PlatformView view = new PlatformView(policies);
    for (SimulatedDevice d : devices) {
      for (Instant at = T0; at.isBefore(T0.plus(day)); at = at.plus(d.poll)) {
        ReadingSet set = d.read(T0, at);
        polls++;
        everyPoll.filter(set).map(Report::readings).ifPresent(sentEvery::add);
        sentPeriod.addAll(changeOrPeriod.filter(set));
        Report r = onChange.filter(set).orElse(null);
        if (r != null) {
          sentChange.add(r.readings());
        }
        view.check(set, r == null ? null : r.readings());
      }
    }
    byMode.put("every-poll", sentEvery);
    byMode.put("change-or-period", sentPeriod);
    byMode.put("on-change", sentChange);
    long[] bytes = new long[3];
    long[] messages = new long[3];
    int i = 0;
    for (Map.Entry<String, List<ReadingSet>> mode : byMode.entrySet()) {
      messages[i] = mode.getValue().size();
      bytes[i] = send(mode.getValue(), pki, broker, work.resolve(name + "-" + mode.getKey()));
      i++;
    }
    double perDevice = devices.size();
    System.out.printf(
        Locale.ROOT,
        "%-14s %4d %8d | %8.0f %11s | %8.0f %11s | %8.0f %11s | %5.1fx %6d%n",
        name,
        devices.size(),
        polls / devices.size(),
        messages[0] / perDevice,
        kib(bytes[0] / perDevice),
        messages[1] / perDevice,
        kib(bytes[1] / perDevice),
        messages[2] / perDevice,
        kib(bytes[2] / perDevice),
        bytes[0] / (double) bytes[2],
        view.violations);
  }

  /** Sends the reading sets through a fresh store and the real uplink; the bytes on the socket. */
  private long send(List<ReadingSet> sets, PkiFiles pki, MosquittoBroker broker, Path dir)
      throws Exception {
    Files.createDirectories(dir);
    KuraTelemetry telemetry = new KuraTelemetry(ACCOUNT, GATEWAY, "sensors");
    StoreSettings settings =
        new StoreSettings(
            dir.resolve("buffer.db"), 256L << 20, Duration.ofMillis(50), 500, 200_000, 64L << 20);
    try (SqliteMessageStore store = SqliteMessageStore.open(settings);
        CountingRelay relay = new CountingRelay(broker.tlsPort())) {
      for (ReadingSet s : sets) {
        OutboundMessage m = telemetry.message(Report.of(s));
        store.enqueue(m);
      }
      await(() -> store.counters().accepted() == sets.size());
      BenchUplinks.Config config =
          new BenchUplinks.Config(
              "ssl://localhost:" + relay.port(),
              "mqtt5",
              pki.caCert(),
              pki.gateway().cert(),
              pki.gateway().key(),
              ACCOUNT,
              GATEWAY,
              BenchUplinks.DEFAULT_IN_FLIGHT);
      try (BenchUplinks.Running uplink = BenchUplinks.start(store, config, "0.1.0-bench")) {
        await(() -> uplink.status().acknowledged() >= sets.size());
      }
      return relay.total();
    }
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not done within 5 minutes");
      }
      Thread.sleep(20); // a benchmark polling with a deadline, not a test
    }
  }

  private List<SimulatedDevice> devices(String rig) throws Exception {
    Path file = root.resolve("test-rigs/rigs/" + rig + ".yaml");
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    List<Map<?, ?>> entries = new ArrayList<>();
    collect(tree, entries);
    List<SimulatedDevice> out = new ArrayList<>();
    long seed = 1;
    for (Map<?, ?> e : entries) {
      String profile = String.valueOf(e.get("profile"));
      DeviceProfile p =
          ProfileReader.read(root.resolve("device-profiles/" + profile + ".yaml"), profile);
      Duration poll =
          cn.yichang.edge.profile.yaml.Durations.parse(String.valueOf(e.get("poll")))
              .multipliedBy(pollScale);
      out.add(new SimulatedDevice(String.valueOf(e.get("id")), p, poll, seed++));
    }
    return out;
  }

  /** Every mapping of the rig file with an id, a profile and a poll: its devices. */
  private static void collect(Object node, List<Map<?, ?>> out) {
    if (node instanceof Map<?, ?> m) {
      if (m.containsKey("id") && m.containsKey("profile") && m.containsKey("poll")) {
        out.add(m);
        return;
      }
      m.values().forEach(v -> collect(v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(v, out));
    }
  }

  private static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
  }

  /**
   * What the platform knows of each point under on-change, checked against every poll: a numeric
   * value never further from the truth than its deadband (from the value last sent), a boolean or
   * string never different from the truth. Each poll that breaks this is a change lost.
   */
  private static final class PlatformView {
    private final Map<String, ReportPolicy> policies;
    private final Map<String, Map<String, Object>> known = new HashMap<>();
    long violations;

    PlatformView(Map<String, ReportPolicy> policies) {
      this.policies = policies;
    }

    void check(ReadingSet truth, ReadingSet sent) {
      Map<String, Object> view = known.computeIfAbsent(truth.deviceId(), d -> new HashMap<>());
      if (sent != null) {
        sent.points().forEach(p -> view.put(p.name(), p.value()));
      }
      ReportPolicy policy = policies.get(truth.deviceId());
      for (PointReading p : truth.points()) {
        Object seen = view.get(p.name());
        boolean ok =
            seen instanceof Number s && p.value() instanceof Number v
                ? !policy.deadband(p.name()).exceeded(s.doubleValue(), v.doubleValue())
                : java.util.Objects.equals(seen, p.value());
        if (!ok) {
          violations++;
        }
      }
    }
  }
}
