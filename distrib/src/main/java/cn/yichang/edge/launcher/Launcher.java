package cn.yichang.edge.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Boots the gateway: a Felix framework with every jar of {@code bundle/}, told where the site file
 * and the distribution's profiles are. Stops the framework cleanly on SIGTERM.
 */
public final class Launcher {
  private static final long STOP_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(4);

  private final Path home;
  private final Path siteFile;
  private final Path storage;
  private final Path stateDir;

  /** Set once READY was sent under systemd; told STOPPING first thing when the JVM stops. */
  private volatile SystemdNotifier systemd;

  Launcher(Path home, Path siteFile, Path storage, Path stateDir) {
    this.home = home;
    this.siteFile = siteFile;
    this.storage = storage;
    this.stateDir = stateDir;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Launcher SITE-FILE   (with -Dsanxia.home=DIR)");
      System.exit(64);
    }
    Path home = Path.of(System.getProperty("sanxia.home", ".")).toAbsolutePath().normalize();
    Path site = Path.of(args[0]).toAbsolutePath().normalize();
    Path storage = Files.createTempDirectory("sanxia-edge-felix-");
    // The buffer and counters that must survive restarts live here (bin/sanxia-edge chooses it).
    Path state =
        Files.createDirectories(
            Path.of(
                System.getProperty(
                    "sanxia.state", System.getProperty("user.home") + "/.sanxia-edge")));
    new Launcher(home, site, storage, state).run();
  }

  void run() throws Exception {
    Framework framework =
        ServiceLoader.load(FrameworkFactory.class)
            .iterator()
            .next()
            .newFramework(frameworkProperties());
    framework.init();
    installBundles(framework);
    Thread stopper = new Thread(() -> stop(framework), "sanxia-edge-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    framework.start();
    int started = startBundles(framework);
    System.out.println("sanxia-edge: started " + started + " bundles, site " + siteFile);
    notifySystemd(framework);
    framework.waitForStop(0);
    // Stopped from inside (the console's "stop 0"): the shutdown hook cleans up as the JVM ends.
  }

  /** Under systemd (Type=notify): READY, the watchdog while the framework runs, STOPPING. */
  private void notifySystemd(Framework framework) {
    SystemdNotifier.fromEnvironment(System.getenv(), ProcessHandle.current().pid())
        .ifPresent(
            n -> {
              systemd = n;
              n.notify("READY=1\nSTATUS=started, site " + siteFile);
              n.startWatchdog(() -> framework.getState() == Bundle.ACTIVE);
            });
  }

  private Map<String, String> frameworkProperties() {
    return Map.of(
        Constants.FRAMEWORK_STORAGE,
        storage.toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN,
        Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
        "sanxia.home",
        home.toString(),
        "sanxia.site",
        siteFile.toString(),
        "sanxia.profiles",
        home.resolve("device-profiles").toString(),
        // Headless: the console is reached through the gogo commands, not the launching terminal.
        "gosh.args",
        "--nointeractive",
        "felix.log.level",
        "1");
  }

  private void installBundles(Framework framework) throws IOException, BundleException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(home.resolve("bundle"))) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    for (Path jar : jars) {
      framework.getBundleContext().installBundle(jar.toUri().toString());
    }
  }

  private static int startBundles(Framework framework) {
    List<String> failures = new ArrayList<>();
    for (Bundle bundle : framework.getBundleContext().getBundles()) {
      if (bundle.getBundleId() == 0 || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        bundle.start();
      } catch (BundleException e) {
        failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
      }
    }
    failures.forEach(f -> System.err.println("sanxia-edge: bundle did not start: " + f));
    return framework.getBundleContext().getBundles().length - 1 - failures.size();
  }

  private void stop(Framework framework) {
    // First, from this hook: a hook of its own could still be waiting for a CPU at the halt below.
    SystemdNotifier n = systemd;
    if (n != null) {
      n.notifyStopping();
    }
    try {
      framework.stop();
      framework.waitForStop(STOP_TIMEOUT_MILLIS);
      deleteStorage();
      System.out.println("sanxia-edge: stopped");
      System.out.flush();
    } catch (BundleException | InterruptedException | RuntimeException e) {
      System.err.println("sanxia-edge: unclean stop: " + e);
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
    // A stop on SIGTERM that completed is a clean exit, not "killed by signal 15".
    Runtime.getRuntime().halt(0);
  }

  private void deleteStorage() {
    try (Stream<Path> files = Files.walk(storage)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is not worth failing a stop for.
    }
  }
}
