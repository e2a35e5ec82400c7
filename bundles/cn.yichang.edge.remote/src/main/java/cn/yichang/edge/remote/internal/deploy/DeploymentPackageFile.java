package cn.yichang.edge.remote.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/**
 * An OSGi deployment package (.dp), read: a jar whose main manifest section names the package
 * ({@code DeploymentPackage-SymbolicName}, {@code DeploymentPackage-Version}) and whose entries
 * include bundles, each with a manifest section ({@code Name: x.jar}, {@code Bundle-SymbolicName},
 * {@code Bundle-Version}).
 */
record DeploymentPackageFile(String name, String version, List<Entry> bundles) {

  record Entry(String path, String symbolicName, String version, byte[] jar) {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the file
   */
  static DeploymentPackageFile read(byte[] dp, int maxBytes) {
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(dp))) {
      Manifest manifest = in.getManifest();
      if (manifest == null) {
        throw new IllegalArgumentException("not a deployment package: no manifest first");
      }
      Attributes main = manifest.getMainAttributes();
      String name = required(main, "DeploymentPackage-SymbolicName", "the manifest");
      String version = required(main, "DeploymentPackage-Version", "the manifest");
      Version.parseVersion(version);
      List<Entry> bundles = new ArrayList<>();
      long total = 0;
      for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        Attributes section = manifest.getAttributes(e.getName());
        if (section == null || section.getValue("Bundle-SymbolicName") == null) {
          continue; // a resource for a resource processor: none is supported, left alone
        }
        byte[] jar = in.readNBytes(maxBytes + 1);
        total += jar.length;
        if (total > maxBytes) {
          throw new IllegalArgumentException("bundles larger than " + maxBytes + " bytes");
        }
        String bsn = section.getValue("Bundle-SymbolicName").split(";")[0].trim();
        String bundleVersion = required(section, "Bundle-Version", e.getName());
        bundles.add(new Entry(e.getName(), bsn, bundleVersion, jar));
      }
      if (bundles.isEmpty()) {
        throw new IllegalArgumentException("deployment package " + name + " has no bundles");
      }
      return new DeploymentPackageFile(name, version, bundles);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a deployment package: " + e.getMessage(), e);
    }
  }

  private static String required(Attributes a, String key, String where) {
    String v = a.getValue(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(where + ": " + key + " is missing");
    }
    return v.trim();
  }
}
