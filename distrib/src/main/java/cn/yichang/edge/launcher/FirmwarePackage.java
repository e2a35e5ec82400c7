package cn.yichang.edge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes our own bundles ({@code cn.yichang.edge.*} of {@code bundle/}) as one OSGi deployment
 * package, so that a fleet can update a gateway's firmware with DEPLOY-V2: the main section names
 * the package ({@code DeploymentPackage-SymbolicName}, {@code -Version}, the bundles' version) and
 * each bundle has its section ({@code Name: bundles/x.jar}, {@code Bundle-SymbolicName}, {@code
 * Bundle-Version}). Run by the build: {@code FirmwarePackage BUNDLE_DIR OUTPUT.dp}.
 */
public final class FirmwarePackage {
  static final String NAME = "cn.yichang.edge.firmware";

  private FirmwarePackage() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: FirmwarePackage BUNDLE_DIR OUTPUT.dp");
    }
    write(Path.of(args[0]), Path.of(args[1]));
  }

  static void write(Path bundleDir, Path output) throws IOException {
    record Member(Path jar, String bsn, String version) {}
    List<Member> members = new ArrayList<>();
    try (Stream<Path> files = Files.list(bundleDir)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          Attributes main = file.getManifest().getMainAttributes();
          String bsn = main.getValue("Bundle-SymbolicName");
          if (bsn != null && bsn.split(";")[0].trim().startsWith("cn.yichang.edge.")) {
            members.add(new Member(jar, bsn.split(";")[0].trim(), main.getValue("Bundle-Version")));
          }
        }
      }
    }
    if (members.isEmpty()) {
      throw new IOException("no cn.yichang.edge bundles in " + bundleDir);
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("DeploymentPackage-SymbolicName", NAME);
    // the newest of the bundles' versions (they differ in their build-time qualifiers)
    String version = members.stream().map(Member::version).max(String::compareTo).orElseThrow();
    m.getMainAttributes().putValue("DeploymentPackage-Version", version);
    m.getMainAttributes().putValue("DeploymentPackage-Name", "Sanxia Edge firmware");
    for (Member b : members) {
      Attributes section = new Attributes();
      section.putValue("Bundle-SymbolicName", b.bsn());
      section.putValue("Bundle-Version", b.version());
      m.getEntries().put("bundles/" + b.jar().getFileName(), section);
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(output);
        JarOutputStream dp = new JarOutputStream(out, m)) {
      for (Member b : members) {
        dp.putNextEntry(new JarEntry("bundles/" + b.jar().getFileName()));
        Files.copy(b.jar(), dp);
        dp.closeEntry();
      }
    }
  }
}
