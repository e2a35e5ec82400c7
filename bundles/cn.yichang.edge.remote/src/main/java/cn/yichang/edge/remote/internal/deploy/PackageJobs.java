package cn.yichang.edge.remote.internal.deploy;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.remote.Notifier;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEPLOY-V2's long operations, one at a time on their own thread: {@code EXEC download} (https,
 * {@code dp.download.hash}, then install unless {@code dp.install} is false), {@code EXEC install}
 * of a downloaded package, {@code EXEC uninstall}. The request is answered at once; progress and
 * the outcome follow as NOTIFY messages ({@code download}, {@code install}, {@code uninstall}) with
 * Kura's metrics.
 */
final class PackageJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PackageJobs.class);

  private final DeploymentPackages packages;
  private final Supplier<Downloader> downloader;
  private final Path downloads;
  private final Supplier<Notifier> notifier;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "DEPLOY-V2 job");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean busy = new AtomicBoolean();

  PackageJobs(
      DeploymentPackages packages,
      Supplier<Downloader> downloader,
      Path downloads,
      Supplier<Notifier> notifier) {
    this.packages = packages;
    this.downloader = downloader;
    this.downloads = downloads;
    this.notifier = notifier;
  }

  Response download(Request r) {
    String uri = r.metric("dp.uri", String.class).orElse(null);
    String name = r.metric("dp.name", String.class).orElse(null);
    String version = r.metric("dp.version", String.class).orElse(null);
    if (uri == null || name == null || version == null) {
      return Response.badRequest("dp.uri, dp.name and dp.version are required");
    }
    URI target;
    try {
      target = new URI(uri);
    } catch (URISyntaxException e) {
      return Response.badRequest("dp.uri: " + Reasons.of(e));
    }
    if (!"https".equalsIgnoreCase(target.getScheme())) {
      return Response.badRequest("dp.uri: only https:// downloads are accepted");
    }
    if (!safeName(name) || !safeName(version)) {
      return Response.badRequest("dp.name and dp.version must be plain names");
    }
    String hash = r.metric("dp.download.hash", String.class).orElse(null);
    boolean install = r.metric("dp.install", Boolean.class).orElse(true);
    return start(
        r,
        "download",
        () -> {
          Path file = file(name, version);
          long[] lastPercent = {-1};
          try {
            notify(r, "download", status(r, "dp.download", "IN_PROGRESS", 0, null));
            downloader
                .get()
                .download(
                    target,
                    hash,
                    DeploymentPackages.MAX_BYTES,
                    file,
                    (received, total) -> {
                      long percent = total > 0 ? received * 100 / total : 0;
                      if (percent >= lastPercent[0] + 10 && percent < 100) {
                        lastPercent[0] = percent;
                        List<KuraMetric> m =
                            status(r, "dp.download", "IN_PROGRESS", (int) percent, null);
                        m.add(new KuraMetric("dp.download.size", total));
                        notify(r, "download", m);
                      }
                    });
            List<KuraMetric> done = status(r, "dp.download", "COMPLETED", 100, null);
            done.add(new KuraMetric("dp.download.size", Files.size(file)));
            if (!install) {
              return () -> notify(r, "download", done);
            }
            notify(r, "download", done);
          } catch (Exception e) {
            LOG.warn("DEPLOY-V2: download of {} failed: {}", target, Reasons.of(e));
            return () ->
                notify(r, "download", status(r, "dp.download", "FAILED", 0, Reasons.of(e)));
          }
          return installFile(r, file);
        });
  }

  Response install(Request r) {
    String name = r.metric("dp.name", String.class).orElse(null);
    String version = r.metric("dp.version", String.class).orElse(null);
    if (name == null || version == null || !safeName(name) || !safeName(version)) {
      return Response.badRequest("dp.name and dp.version are required, as plain names");
    }
    Path file = file(name, version);
    if (!Files.isRegularFile(file)) {
      return Response.notFound("no downloaded package " + name + " " + version);
    }
    return start(r, "install", () -> installFile(r, file));
  }

  Response uninstall(Request r) {
    String name = r.metric("dp.name", String.class).orElse(null);
    if (name == null) {
      return Response.badRequest("dp.name is required");
    }
    if (packages.installed().stream().noneMatch(p -> p.name().equals(name))) {
      return Response.notFound("no installed package " + name);
    }
    return start(
        r,
        "uninstall",
        () -> {
          try {
            packages.uninstall(name);
            return () -> notify(r, "uninstall", status(r, "dp.uninstall", "COMPLETED", 100, null));
          } catch (Exception e) {
            return () ->
                notify(r, "uninstall", status(r, "dp.uninstall", "FAILED", 0, Reasons.of(e)));
          }
        });
  }

  private Runnable installFile(Request r, Path file) {
    try {
      notify(r, "install", status(r, "dp.install", "IN_PROGRESS", 0, null));
      packages.install(Files.readAllBytes(file), true);
      return () -> notify(r, "install", status(r, "dp.install", "COMPLETED", 100, null));
    } catch (Exception e) {
      LOG.warn("DEPLOY-V2: install of {} failed: {}", file, Reasons.of(e));
      return () -> notify(r, "install", status(r, "dp.install", "FAILED", 0, Reasons.of(e)));
    }
  }

  /**
   * Runs a job on the worker, one at a time. The job returns its last notification (COMPLETED or
   * FAILED), which is sent once the next job may start: a console that sends its next request as
   * soon as it hears the last one finished must not be told another one is in progress. A job ended
   * by an Error (a LinkageError from a package, memory) is reported FAILED as its {@code type}, so
   * that the console is not left waiting.
   */
  private Response start(Request r, String type, Supplier<Runnable> job) {
    if (!busy.compareAndSet(false, true)) {
      return Response.error("another download, install or uninstall is in progress");
    }
    worker.execute(
        () -> {
          Runnable last;
          try {
            last = job.get();
          } catch (Error e) {
            LOG.error("DEPLOY-V2: {} ended by {}", type, e.toString(), e);
            last = () -> notify(r, type, status(r, "dp." + type, "FAILED", 0, e.toString()));
          } finally {
            busy.set(false);
          }
          last.run();
        });
    return Response.ok();
  }

  private static List<KuraMetric> status(
      Request r, String prefix, String status, int progress, String error) {
    List<KuraMetric> m = new ArrayList<>();
    r.metric("job.id", Long.class).ifPresent(id -> m.add(new KuraMetric("job.id", id)));
    r.metric("dp.name", String.class).ifPresent(n -> m.add(new KuraMetric("dp.name", n)));
    r.metric("dp.version", String.class).ifPresent(v -> m.add(new KuraMetric("dp.version", v)));
    m.add(new KuraMetric(prefix + ".status", status));
    m.add(new KuraMetric(prefix + ".progress", progress));
    if (error != null) {
      m.add(new KuraMetric(prefix + ".error.message", error));
    }
    return m;
  }

  private void notify(Request r, String type, List<KuraMetric> metrics) {
    Notifier n = notifier.get();
    if (n != null) {
      n.notify(r, type, metrics);
    }
  }

  private Path file(String name, String version) {
    return downloads.resolve(name + "-" + version + ".dp");
  }

  private static boolean safeName(String s) {
    return s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
