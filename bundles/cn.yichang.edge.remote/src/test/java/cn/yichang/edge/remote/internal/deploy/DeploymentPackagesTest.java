package cn.yichang.edge.remote.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/** Deployment packages built here, installed into a real Felix framework. */
class DeploymentPackagesTest {
  @TempDir Path dir;
  Framework framework;

  Framework start(String name) throws Exception {
    if (framework != null) {
      framework.stop();
      framework.waitForStop(10_000);
    }
    framework =
        new FrameworkFactory()
            .newFramework(
                Map.of(
                    "org.osgi.framework.storage",
                    dir.resolve(name).toString(),
                    "org.osgi.framework.storage.clean",
                    "onFirstInit"));
    framework.start();
    return framework;
  }

  @AfterEach
  void stop() throws Exception {
    if (framework != null) {
      framework.stop();
      framework.waitForStop(10_000);
    }
  }

  static byte[] bundle(String bsn, String version, String imports) throws Exception {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", bsn);
    a.putValue("Bundle-Version", version);
    if (imports != null) {
      a.putValue("Import-Package", imports);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.putNextEntry(new JarEntry("readme.txt"));
      jar.write(bsn.getBytes());
    }
    return out.toByteArray();
  }

  /** A .dp: package name and version, then (path, bsn, version, jar) per bundle. */
  static byte[] dp(String name, String version, Object[]... bundles) throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("DeploymentPackage-SymbolicName", name);
    m.getMainAttributes().putValue("DeploymentPackage-Version", version);
    for (Object[] b : bundles) {
      Attributes section = new Attributes();
      section.putValue("Bundle-SymbolicName", (String) b[1]);
      section.putValue("Bundle-Version", (String) b[2]);
      m.getEntries().put((String) b[0], section);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out, m)) {
      for (Object[] b : bundles) {
        jar.putNextEntry(new JarEntry((String) b[0]));
        jar.write((byte[]) b[3]);
      }
    }
    return out.toByteArray();
  }

  static Object[] entry(String bsn, String version, String imports) throws Exception {
    return new Object[] {"bundles/" + bsn + ".jar", bsn, version, bundle(bsn, version, imports)};
  }

  Bundle find(String bsn) {
    return Arrays.stream(framework.getBundleContext().getBundles())
        .filter(b -> bsn.equals(b.getSymbolicName()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void installsRecordsUninstallsAndInstallsAgainAfterARestart() throws Exception {
    start("first");
    Path packagesDir = dir.resolve("packages");
    DeploymentPackages packages = new DeploymentPackages(framework.getBundleContext(), packagesDir);

    InstalledPackage p =
        packages.install(
            dp("com.example.pack", "1.0.0", entry("com.example.a", "1.0.0", null)), true);

    assertThat(p.bundles())
        .extracting(InstalledPackage.PackageBundle::name)
        .containsExactly("com.example.a");
    assertThat(find("com.example.a").getState()).isEqualTo(Bundle.ACTIVE);
    assertThat(packagesDir.resolve("com.example.pack.dp")).exists();

    // a restart: a fresh framework, the packages come back from the record
    start("second");
    assertThat(find("com.example.a")).isNull();
    DeploymentPackages again = new DeploymentPackages(framework.getBundleContext(), packagesDir);
    again.restore();
    assertThat(find("com.example.a").getState()).isEqualTo(Bundle.ACTIVE);
    assertThat(again.installed())
        .extracting(InstalledPackage::name)
        .containsExactly("com.example.pack");

    assertThat(again.uninstall("com.example.pack")).isTrue();
    assertThat(find("com.example.a")).isNull();
    assertThat(packagesDir.resolve("com.example.pack.dp")).doesNotExist();
    assertThat(again.uninstall("com.example.pack")).isFalse();
  }

  @Test
  void aPackageThatDoesNotResolveIsUndoneAndTheOldVersionKeepsRunning() throws Exception {
    start("fw");
    DeploymentPackages packages =
        new DeploymentPackages(framework.getBundleContext(), dir.resolve("packages"));
    // Kept: a jar built again would differ in its entries' times.
    byte[] first = dp("com.example.pack", "1.0.0", entry("com.example.a", "1.0.0", null));
    packages.install(first, true);

    assertThatThrownBy(
            () ->
                packages.install(
                    dp(
                        "com.example.pack",
                        "2.0.0",
                        entry("com.example.a", "2.0.0", "com.example.missing"),
                        entry("com.example.b", "2.0.0", null)),
                    true))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("com.example.missing");

    assertThat(find("com.example.a").getVersion().toString()).isEqualTo("1.0.0");
    assertThat(find("com.example.a").getState()).isEqualTo(Bundle.ACTIVE);
    assertThat(find("com.example.b")).isNull();
    assertThat(packages.installed()).extracting(InstalledPackage::version).containsExactly("1.0.0");
    assertThat(Files.readAllBytes(dir.resolve("packages/com.example.pack.dp"))).isEqualTo(first);
  }

  @Test
  void whatIsNotADeploymentPackageIsRefused() throws Exception {
    start("fw");
    DeploymentPackages packages =
        new DeploymentPackages(framework.getBundleContext(), dir.resolve("packages"));
    assertThatThrownBy(() -> packages.install("not a jar".getBytes(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> packages.install(bundle("com.example.a", "1.0.0", null), true))
        .hasMessageContaining("DeploymentPackage-SymbolicName");
  }
}
