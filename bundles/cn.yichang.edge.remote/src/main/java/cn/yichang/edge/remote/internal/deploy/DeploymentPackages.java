package cn.yichang.edge.remote.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, records and uninstalls deployment packages. A package's new bundles get the location
 * {@code dp:<package>/<symbolic name>}; a bundle already present under its symbolic name (our
 * firmware from {@code bundle/}) is updated in place. If any bundle fails to install, resolve or
 * start, everything the package did is undone and the gateway keeps the old version. Installed
 * packages are kept in {@code <state dir>/remote/packages/} and installed again at each start (the
 * framework's own storage does not outlive a restart).
 */
final class DeploymentPackages implements PackageRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentPackages.class);
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private final BundleContext context;
  private final Path dir;
  private final Map<String, InstalledPackage> installed = new LinkedHashMap<>();

  DeploymentPackages(BundleContext context, Path dir) {
    this.context = context;
    this.dir = dir;
  }

  @Override
  public synchronized List<InstalledPackage> installed() {
    return List.copyOf(installed.values());
  }

  /** Installs every recorded package again; one that fails is logged and left out. */
  synchronized void restore() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".dp")).sorted().toList()) {
        try {
          install(Files.readAllBytes(f), false);
        } catch (IOException | RuntimeException | BundleException e) {
          LOG.error("Deployment package {} not installed again: {}", f, e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.error("Cannot read the recorded deployment packages in {}: {}", dir, e.toString());
    }
  }

  /**
   * @throws IllegalArgumentException the file is not a usable deployment package
   * @throws BundleException a bundle did not install, resolve or start; everything was undone
   */
  synchronized InstalledPackage install(byte[] dp, boolean record)
      throws IOException, BundleException {
    DeploymentPackageFile file = DeploymentPackageFile.read(dp, MAX_BYTES);
    InstalledPackage previous = installed.get(file.name());
    List<Bundle> added = new ArrayList<>();
    Map<Bundle, byte[]> updated = new LinkedHashMap<>();
    List<InstalledPackage.PackageBundle> members = new ArrayList<>();
    try {
      for (DeploymentPackageFile.Entry e : file.bundles()) {
        Bundle existing = bySymbolicName(e.symbolicName());
        Bundle b;
        if (existing == null) {
          b =
              context.installBundle(
                  "dp:" + file.name() + "/" + e.symbolicName(), new ByteArrayInputStream(e.jar()));
          added.add(b);
        } else if (existing
            .getVersion()
            .equals(org.osgi.framework.Version.parseVersion(e.version()))) {
          b = existing; // the same bundle again (a restart, the same package twice, firmware as is)
        } else {
          updated.put(existing, currentJar(existing)); // to put it back if the package fails
          existing.update(new ByteArrayInputStream(e.jar()));
          b = existing;
        }
        members.add(
            new InstalledPackage.PackageBundle(
                e.symbolicName(), b.getVersion().toString(), b.getBundleId()));
      }
      List<Bundle> all = new ArrayList<>(added);
      all.addAll(updated.keySet());
      refresh(updated.keySet());
      for (Bundle b : all) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
          b.start();
        }
      }
    } catch (BundleException | RuntimeException e) {
      LOG.warn(
          "Deployment package {} {} failed, undone: {}",
          file.name(),
          file.version(),
          e.getMessage());
      undo(added, updated);
      throw e;
    }
    if (previous != null) {
      for (InstalledPackage.PackageBundle pb : previous.bundles()) {
        if (members.stream().noneMatch(m -> m.id() == pb.id())) {
          uninstallQuietly(context.getBundle(pb.id()));
        }
      }
    }
    InstalledPackage result = new InstalledPackage(file.name(), file.version(), members);
    installed.put(file.name(), result);
    if (record) {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.name() + ".dp.tmp");
      Files.write(tmp, dp);
      Files.move(tmp, dir.resolve(file.name() + ".dp"), StandardCopyOption.REPLACE_EXISTING);
    }
    LOG.info("Deployment package {} {} installed: {}", file.name(), file.version(), members);
    return result;
  }

  /**
   * @return false when no such package is installed
   */
  synchronized boolean uninstall(String name) throws IOException {
    InstalledPackage p = installed.remove(name);
    if (p == null) {
      return false;
    }
    for (InstalledPackage.PackageBundle pb : p.bundles()) {
      Bundle b = context.getBundle(pb.id());
      if (b != null && b.getLocation().startsWith("dp:")) {
        uninstallQuietly(b);
      }
      // a firmware bundle it updated stays: the next start brings the distribution's version back
    }
    Files.deleteIfExists(dir.resolve(name + ".dp"));
    LOG.info("Deployment package {} uninstalled", name);
    return true;
  }

  /**
   * The jar a bundle runs now: from the recorded package that brought it ({@code dp:<package>/
   * <name>}), or from its location (our firmware in {@code bundle/}).
   *
   * @throws BundleException when it cannot be found: an update that could not be undone is not made
   */
  private byte[] currentJar(Bundle b) throws BundleException {
    String location = b.getLocation();
    try {
      if (location.startsWith("dp:")) {
        String pkg = location.substring(3, location.lastIndexOf('/'));
        DeploymentPackageFile recorded =
            DeploymentPackageFile.read(Files.readAllBytes(dir.resolve(pkg + ".dp")), MAX_BYTES);
        for (DeploymentPackageFile.Entry e : recorded.bundles()) {
          if (e.symbolicName().equals(b.getSymbolicName())) {
            return e.jar();
          }
        }
        throw new IOException(b.getSymbolicName() + " is not in the recorded package " + pkg);
      }
      try (InputStream in = new URL(location).openStream()) {
        return in.readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      throw new BundleException(
          "cannot update "
              + b.getSymbolicName()
              + ": its current jar cannot be kept to undo: "
              + e);
    }
  }

  private void undo(List<Bundle> added, Map<Bundle, byte[]> updated) {
    for (Bundle b : added) {
      uninstallQuietly(b);
    }
    for (Map.Entry<Bundle, byte[]> e : updated.entrySet()) {
      try (InputStream in = new ByteArrayInputStream(e.getValue())) {
        e.getKey().update(in);
      } catch (IOException | BundleException | RuntimeException ex) {
        LOG.error("Cannot put {} back: {}", e.getKey().getSymbolicName(), ex.toString());
      }
    }
    refresh(updated.keySet());
    for (Bundle b : updated.keySet()) {
      try {
        b.start();
      } catch (BundleException | RuntimeException ex) {
        LOG.error("Cannot start {} again: {}", b.getSymbolicName(), ex.toString());
      }
    }
  }

  private void refresh(Collection<Bundle> bundles) {
    if (bundles.isEmpty()) {
      return;
    }
    FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    wiring.refreshBundles(bundles, event -> done.countDown());
    try {
      done.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Bundle bySymbolicName(String bsn) {
    for (Bundle b : context.getBundles()) {
      if (bsn.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  private static void uninstallQuietly(Bundle b) {
    if (b == null) {
      return;
    }
    try {
      b.uninstall();
    } catch (BundleException | RuntimeException e) {
      LOG.warn("Cannot uninstall {}: {}", b.getSymbolicName(), e.toString());
    }
  }
}
