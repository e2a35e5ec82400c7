package cn.yichang.edge.remote.internal.deploy;

import static cn.yichang.edge.remote.internal.deploy.DeploymentPackagesTest.dp;
import static cn.yichang.edge.remote.internal.deploy.DeploymentPackagesTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.remote.Notifier;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.sim.broker.HttpsFileServer;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

class PackageJobsTest {
  @TempDir Path dir;
  Framework framework;
  HttpsFileServer https;
  PkiFiles pki;
  DeploymentPackages packages;
  PackageJobs jobs;
  final List<String> notes = new CopyOnWriteArrayList<>();

  /** What the console does on hearing a notification, on the notifying thread. */
  volatile Consumer<String> console = note -> {};

  @BeforeEach
  void start() throws Exception {
    framework =
        new FrameworkFactory()
            .newFramework(
                Map.of(
                    "org.osgi.framework.storage",
                    dir.resolve("fw").toString(),
                    "org.osgi.framework.storage.clean",
                    "onFirstInit"));
    framework.start();
    pki = TestPki.generate(dir.resolve("pki"), "gw-1");
    https = HttpsFileServer.start(pki);
    packages = new DeploymentPackages(framework.getBundleContext(), dir.resolve("packages"));
    jobs = jobs(pki.caCert());
  }

  /** Writes each notification down as "TYPE name=value ...", and plays the console's part. */
  Notifier recording() {
    return (origin, type, metrics) -> {
      StringBuilder s = new StringBuilder(type);
      for (KuraMetric m : metrics) {
        s.append(' ').append(m.name()).append('=').append(m.value());
      }
      notes.add(s.toString());
      console.accept(s.toString());
      return true;
    };
  }

  PackageJobs jobs(Path trustedCa) {
    Notifier notifier = recording();
    return new PackageJobs(
        packages,
        () -> {
          try {
            return new Downloader(Downloader.trusting(trustedCa), Duration.ofSeconds(20));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        dir.resolve("downloads"),
        () -> notifier);
  }

  @AfterEach
  void stop() throws Exception {
    jobs.close();
    https.close();
    framework.stop();
    framework.waitForStop(10_000);
  }

  static Request exec(String resource, KuraMetric... metrics) {
    List<KuraMetric> all = new ArrayList<>(List.of(metrics));
    all.add(new KuraMetric("job.id", 7L));
    return new Request(
        "DEPLOY-V2",
        "EXEC",
        List.of(resource),
        "1",
        "console",
        new KuraPayload(null, null, all, null));
  }

  /** A download of com.example.pack 1.0.0 from {@code uri}, installed when downloaded. */
  static Request downloadOfPack(URI uri) {
    return exec(
        "download",
        new KuraMetric("dp.uri", uri.toString()),
        new KuraMetric("dp.name", "com.example.pack"),
        new KuraMetric("dp.version", "1.0.0"));
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  Bundle find(String bsn) {
    for (Bundle b : framework.getBundleContext().getBundles()) {
      if (bsn.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  @Test
  void downloadsChecksTheHashInstallsAndTellsTheRequesterAllAlong() throws Exception {
    byte[] pack = dp("com.example.pack", "1.0.0", entry("com.example.a", "1.0.0", null));
    URI uri = https.put("/packs/pack.dp", pack);

    assertThat(
            jobs.download(
                    exec(
                        "download",
                        new KuraMetric("dp.uri", uri.toString()),
                        new KuraMetric("dp.name", "com.example.pack"),
                        new KuraMetric("dp.version", "1.0.0"),
                        new KuraMetric("dp.download.hash", "SHA-256:" + sha256(pack))))
                .code())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> notes.stream().anyMatch(n -> n.startsWith("install") && n.contains("COMPLETED")));
    assertThat(find("com.example.a").getState()).isEqualTo(Bundle.ACTIVE);
    assertThat(notes.get(0))
        .startsWith("download job.id=7")
        .contains("dp.download.status=IN_PROGRESS");
    assertThat(notes)
        .anyMatch(
            n ->
                n.startsWith("download")
                    && n.contains("dp.download.status=COMPLETED")
                    && n.contains("dp.download.size=" + pack.length))
        .anyMatch(n -> n.startsWith("install") && n.contains("dp.install.progress=100"));

    notes.clear();
    assertThat(
            jobs.uninstall(exec("uninstall", new KuraMetric("dp.name", "com.example.pack"))).code())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notes.stream().anyMatch(n -> n.contains("dp.uninstall.status=COMPLETED")));
    assertThat(find("com.example.a")).isNull();
    assertThat(
            jobs.uninstall(exec("uninstall", new KuraMetric("dp.name", "com.example.pack"))).code())
        .isEqualTo(404);
  }

  @Test
  void aConsoleMaySendTheNextRequestAsSoonAsItHearsTheLastOneFinished() throws Exception {
    byte[] pack = dp("com.example.pack", "1.0.0", entry("com.example.a", "1.0.0", null));
    URI uri = https.put("/packs/pack.dp", pack);
    List<Integer> uninstallCodes = new CopyOnWriteArrayList<>();
    console =
        note -> {
          if (note.startsWith("install") && note.contains("COMPLETED")) {
            uninstallCodes.add(
                jobs.uninstall(exec("uninstall", new KuraMetric("dp.name", "com.example.pack")))
                    .code());
          }
        };

    jobs.download(downloadOfPack(uri));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notes.stream().anyMatch(n -> n.contains("dp.uninstall.status=COMPLETED")));
    assertThat(uninstallCodes).containsExactly(200);
    assertThat(find("com.example.a")).isNull();
  }

  @Test
  void aJobEndedByAnErrorIsReportedFailedAndTheNextOneMayStart() throws Exception {
    jobs.close();
    jobs =
        new PackageJobs(
            packages,
            () -> {
              throw new NoClassDefFoundError("javax/net/ssl/Missing");
            },
            dir.resolve("downloads"),
            this::recording);
    URI uri = https.put("/packs/pack.dp", new byte[] {1});

    assertThat(jobs.download(downloadOfPack(uri)).code()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notes.stream().anyMatch(n -> n.contains("dp.download.status=FAILED")));
    assertThat(notes)
        .anyMatch(n -> n.startsWith("download") && n.contains("javax/net/ssl/Missing"));
    assertThat(jobs.download(downloadOfPack(uri)).code()).isEqualTo(200);
  }

  @Test
  void aWrongHashOrAnUntrustedServerFailsTheDownloadAndInstallsNothing() throws Exception {
    byte[] pack = dp("com.example.pack", "1.0.0", entry("com.example.a", "1.0.0", null));
    URI uri = https.put("/pack.dp", pack);

    jobs.download(
        exec(
            "download",
            new KuraMetric("dp.uri", uri.toString()),
            new KuraMetric("dp.name", "com.example.pack"),
            new KuraMetric("dp.version", "1.0.0"),
            new KuraMetric("dp.download.hash", "SHA-256:" + "0".repeat(64))));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notes.stream().anyMatch(n -> n.contains("FAILED")));
    assertThat(notes)
        .anyMatch(n -> n.contains("dp.download.error.message=dp.download.hash mismatch"));

    notes.clear();
    jobs.close();
    jobs = jobs(null); // trusts only the JVM's CAs, not the test CA
    jobs.download(downloadOfPack(uri));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notes.stream().anyMatch(n -> n.contains("FAILED")));
    assertThat(find("com.example.a")).isNull();
    assertThat(packages.installed()).isEmpty();
  }

  @Test
  void onlyHttpsAndPlainNames() {
    assertThat(
            jobs.download(
                    exec(
                        "download",
                        new KuraMetric("dp.uri", "http://localhost/x.dp"),
                        new KuraMetric("dp.name", "x"),
                        new KuraMetric("dp.version", "1")))
                .code())
        .isEqualTo(400);
    assertThat(
            jobs.download(
                    exec(
                        "download",
                        new KuraMetric("dp.uri", "https://localhost/x.dp"),
                        new KuraMetric("dp.name", "../../etc/x"),
                        new KuraMetric("dp.version", "1")))
                .code())
        .isEqualTo(400);
    assertThat(
            jobs.install(
                    exec(
                        "install",
                        new KuraMetric("dp.name", "nope"),
                        new KuraMetric("dp.version", "1")))
                .code())
        .isEqualTo(404);
  }
}
