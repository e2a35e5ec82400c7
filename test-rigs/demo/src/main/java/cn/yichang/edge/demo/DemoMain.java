package cn.yichang.edge.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/sanxia-edge demo}: starts the demo, refreshes the platform view about once a second
 * and stops everything on Ctrl-C, SIGTERM, after {@code --seconds}, or when the gateway ends by
 * itself.
 */
public final class DemoMain {

  static final Duration REFRESH = Duration.ofSeconds(1);

  private DemoMain() {}

  public static void main(String[] args) throws InterruptedException {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (DemoOptions.UsageException e) {
      System.err.println("sanxia-edge demo: " + e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(64);
      return;
    }
    PrintStream out = System.out;
    boolean ansi =
        !options.plain() && System.console() != null && !"dumb".equals(System.getenv("TERM"));

    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              try {
                stopped.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);

    int exit;
    try {
      exit = run(options, out, ansi, stopRequested);
    } finally {
      stopped.countDown();
    }
    if (stopRequested.getCount() > 0) {
      System.exit(exit); // not stopped by a signal: the shutdown sequence has not begun
    }
  }

  private static int run(
      DemoOptions options, PrintStream out, boolean ansi, CountDownLatch stopRequested)
      throws InterruptedException {
    Demo demo;
    try {
      demo = Demo.start(options, out);
    } catch (Exception e) {
      System.err.println("sanxia-edge demo: could not start: " + e.getMessage());
      return 1;
    }
    try (demo) {
      PlatformView view =
          new PlatformView(
              demo.rig,
              demo.profiles,
              "gateway %s -> %s (embedded broker); simulated values run %.0fx%ngateway log: %s"
                  .formatted(
                      DemoRig.GATEWAY_ID,
                      demo.brokerUrl(),
                      SimulatedBuses.SPEED,
                      demo.workDir.resolve("gateway.log")),
              ansi);
      GatewayLogCounters gatewayLog = new GatewayLogCounters(demo.workDir.resolve("gateway.log"));
      Instant end = options.duration().map(d -> Instant.now().plus(d)).orElse(Instant.MAX);
      boolean gatewayEnded = false;
      while (!stopRequested.await(REFRESH.toMillis(), TimeUnit.MILLISECONDS)) {
        PlatformState.Snapshot snapshot = demo.platform.snapshot();
        gatewayLog.refresh();
        view.gateway(gatewayLog.describe(snapshot.messages() - snapshot.seqDuplicates()));
        view.show(out, snapshot, demo.buses().statistics(), Instant.now());
        if (!demo.gateway().isAlive()) {
          gatewayEnded = true;
          out.println("the gateway ended by itself, exit code " + demo.gateway().exitValue());
          demo.gateway().logTail(20).forEach(l -> out.println("  | " + l));
          break;
        }
        if (!Instant.now().isBefore(end)) {
          break;
        }
      }
      int gatewayExit = demo.stop();
      List<String> silent =
          demo.platform.silent(demo.rig.devices().stream().map(DemoRig.Device::id).toList());
      out.printf(
          "stopped: gateway exit code %d; %s%n",
          gatewayExit,
          silent.isEmpty() ? "readings arrived from every device" : "no readings from " + silent);
      return gatewayEnded || !silent.isEmpty() ? 1 : 0;
    }
  }
}
