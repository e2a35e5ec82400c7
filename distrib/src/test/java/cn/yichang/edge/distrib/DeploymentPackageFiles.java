package cn.yichang.edge.distrib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Deployment packages (.dp) built by a test: one bundle without code, in one package. */
final class DeploymentPackageFiles {
  private DeploymentPackageFiles() {}

  static byte[] withOneBundle(String packageName, String version, String bsn) throws IOException {
    Manifest bm = new Manifest();
    bm.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    bm.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    bm.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
    bm.getMainAttributes().putValue("Bundle-Version", version);
    ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bundle, bm)) {
      jar.putNextEntry(new JarEntry("readme.txt"));
      jar.write(bsn.getBytes());
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("DeploymentPackage-SymbolicName", packageName);
    m.getMainAttributes().putValue("DeploymentPackage-Version", version);
    Attributes section = new Attributes();
    section.putValue("Bundle-SymbolicName", bsn);
    section.putValue("Bundle-Version", version);
    m.getEntries().put("bundles/" + bsn + ".jar", section);
    ByteArrayOutputStream dp = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(dp, m)) {
      jar.putNextEntry(new JarEntry("bundles/" + bsn + ".jar"));
      jar.write(bundle.toByteArray());
    }
    return dp.toByteArray();
  }
}
