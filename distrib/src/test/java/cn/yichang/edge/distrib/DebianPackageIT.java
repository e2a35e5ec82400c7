package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.SocatPtyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb the build makes: its layout, modes, owners and control fields as dpkg-deb reads them,
 * the systemd unit, and the maintainer scripts run through install, upgrade, remove and purge in a
 * throwaway root ({@code DPKG_ROOT}) with the commands that need root (adduser, chown, systemctl)
 * replaced by stubs that record their arguments.
 */
class DebianPackageIT {

  @TempDir Path dir;
  private Path deb;

  @BeforeEach
  void findThePackage() throws IOException {
    Assumptions.assumeTrue(SocatPtyPair.onPath("dpkg-deb"), "dpkg-deb is not installed");
    Path target = GatewayProcess.HOME.toAbsolutePath().getParent();
    try (Stream<Path> files = Files.list(target)) {
      deb =
          files
              .filter(f -> f.getFileName().toString().matches("sanxia-edge_.+_all\\.deb"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no sanxia-edge_*_all.deb in " + target));
    }
  }

  @Test
  void controlFields() throws Exception {
    assertThat(deb.getFileName().toString()).isEqualTo("sanxia-edge_0.1.0~SNAPSHOT_all.deb");
    assertThat(run("dpkg-deb", "--field", deb.toString(), "Package", "Architecture", "Version"))
        .contains("Package: sanxia-edge", "Architecture: all", "Version: 0.1.0~SNAPSHOT");
    String depends = run("dpkg-deb", "--field", deb.toString(), "Depends");
    assertThat(depends).contains("default-jre-headless (>= 2:1.17)", "adduser");
    assertThat(run("dpkg-deb", "--info", deb.toString()))
        .contains("postinst", "prerm", "postrm", "conffiles");
    assertThat(run("dpkg-deb", "--info", deb.toString(), "conffiles").lines())
        .containsExactlyInAnyOrder(
            "/etc/sanxia-edge/site.yaml.example", "/etc/default/sanxia-edge");
  }

  @Test
  void layoutModesAndOwners() throws Exception {
    List<String> contents = run("dpkg-deb", "--contents", deb.toString()).lines().toList();
    assertThat(contents).allMatch(l -> l.split("\\s+")[1].equals("root/root"));
    assertThat(entry(contents, "./opt/sanxia-edge/bin/sanxia-edge")).startsWith("-rwxr-xr-x");
    assertThat(entry(contents, "./opt/sanxia-edge/bundle/cn.yichang.edge.modbus.jar"))
        .startsWith("-rw-r--r--");
    assertThat(entry(contents, "./opt/sanxia-edge/lib/jna.jar")).startsWith("-rw-r--r--");
    assertThat(entry(contents, "./opt/sanxia-edge/device-profiles/water/ph-orp.yaml"))
        .startsWith("-rw-r--r--");
    assertThat(entry(contents, "./etc/sanxia-edge/")).startsWith("drwx------");
    assertThat(entry(contents, "./etc/sanxia-edge/site.yaml.example")).startsWith("-rw-------");
    assertThat(entry(contents, "./lib/systemd/system/sanxia-edge.service"))
        .startsWith("-rw-r--r--");
    assertThat(entry(contents, "./usr/bin/sanxia-edge"))
        .startsWith("lrwxrwxrwx")
        .endsWith("-> /opt/sanxia-edge/bin/sanxia-edge");
    // state is the postinst's (so that dpkg never removes a buffer), the demo stays on laptops
    assertThat(contents).noneMatch(l -> l.contains("./var/") || l.contains("/lib/demo/"));
  }

  @Test
  void unitFile() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    List<String> unit = Files.readAllLines(root.resolve("lib/systemd/system/sanxia-edge.service"));
    assertThat(unit)
        .contains(
            "Type=notify",
            "NotifyAccess=main",
            "WatchdogSec=60s",
            "Restart=on-failure",
            "StartLimitIntervalSec=0",
            "User=sanxia",
            "Group=sanxia",
            "Environment=SANXIA_STATE_DIR=/var/lib/sanxia-edge",
            "Environment=SANXIA_LOG_DIR=/var/log/sanxia-edge",
            "LogsDirectory=sanxia-edge",
            "ExecStart=/opt/sanxia-edge/bin/sanxia-edge run --config /etc/sanxia-edge/site.yaml",
            "ConditionPathExists=/etc/sanxia-edge/site.yaml",
            "WantedBy=multi-user.target");
  }

  @Test
  void installUpgradeRemovePurgeInAThrowawayRoot() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path control = dir.resolve("control");
    Path log = dir.resolve("stub.log");
    Path db = dir.resolve("stub.db");
    Files.writeString(db, "group dialout\n"); // Debian has dialout; plain Debian has no gpio
    Path stubs = stubs(log, db);
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    run("dpkg-deb", "-e", deb.toString(), control.toString());
    Map<String, String> env = Map.of("DPKG_ROOT", root.toString(), "PATH", stubs + ":" + path());

    // install
    script(control, "postinst", env, "configure");
    List<String> installed = Files.readAllLines(log);
    assertThat(installed)
        .contains(
            "addgroup --system sanxia",
            "adduser --system --ingroup sanxia --home /var/lib/sanxia-edge --no-create-home"
                + " --shell /usr/sbin/nologin --gecos Sanxia Edge gateway sanxia",
            "addgroup --system gpio",
            "adduser sanxia dialout",
            "adduser sanxia gpio",
            "systemctl --root=" + root + " enable sanxia-edge.service")
        .doesNotContain("addgroup --system dialout")
        .anyMatch(l -> l.startsWith("chown sanxia:sanxia " + root + "/etc/sanxia-edge "))
        .anyMatch(
            l -> l.equals("chown sanxia:sanxia " + root + "/etc/sanxia-edge/site.yaml.example"))
        // not the running system's services: this is another root
        .noneMatch(l -> l.matches("systemctl (start|stop|try-restart|daemon-reload).*"));
    assertThat(mode(root.resolve("etc/sanxia-edge"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("etc/sanxia-edge/certs"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("etc/sanxia-edge/site.yaml.example"))).isEqualTo("rw-------");
    assertThat(mode(root.resolve("var/lib/sanxia-edge"))).isEqualTo("rwxr-x---");

    // the gateway runs: a site file (left readable by mistake), a key, a buffer and its counters
    Path site = root.resolve("etc/sanxia-edge/site.yaml");
    Files.writeString(site, "gateway: {id: yc-0001, account: yichang}\n");
    Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(root.resolve("etc/sanxia-edge/certs/gateway.key"), "KEY");
    Files.createDirectories(root.resolve("var/log/sanxia-edge"));
    Files.writeString(root.resolve("var/log/sanxia-edge/gateway.log"), "log");
    Path buffer = root.resolve("var/lib/sanxia-edge/buffer.db");
    Files.writeString(buffer, "readings");
    Files.writeString(root.resolve("var/lib/sanxia-edge/buffer.db.seq"), "4711");

    // upgrade: old prerm, new files unpacked, new postinst with the old version
    script(control, "prerm", env, "upgrade", "0.2.0");
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    int before = Files.readAllLines(log).size();
    script(control, "postinst", env, "configure", "0.1.0~SNAPSHOT");
    List<String> upgraded = Files.readAllLines(log).subList(before, Files.readAllLines(log).size());
    assertThat(upgraded).noneMatch(l -> l.startsWith("addgroup") || l.contains("--system"));
    assertThat(Files.readString(buffer)).isEqualTo("readings");
    assertThat(Files.readString(root.resolve("var/lib/sanxia-edge/buffer.db.seq")))
        .isEqualTo("4711");
    assertThat(Files.readString(site)).contains("yc-0001");
    assertThat(mode(site)).isEqualTo("rw-------");
    assertThat(mode(root.resolve("etc/sanxia-edge/certs/gateway.key"))).isEqualTo("rw-------");

    // remove: dpkg deletes the package's files but the conffiles, then postrm remove
    script(control, "prerm", env, "remove");
    removePackageFiles(root, Files.readAllLines(control.resolve("conffiles")));
    script(control, "postrm", env, "remove");
    assertThat(root.resolve("opt/sanxia-edge/bin/sanxia-edge")).doesNotExist();
    assertThat(Files.readString(buffer)).isEqualTo("readings");
    assertThat(root.resolve("var/lib/sanxia-edge/buffer.db.seq")).exists();
    assertThat(site).exists();
    assertThat(root.resolve("etc/sanxia-edge/certs/gateway.key")).exists();
    assertThat(Files.readAllLines(log))
        .contains("systemctl --root=" + root + " disable sanxia-edge.service");

    // purge: dpkg deletes the conffiles, postrm purge the rest
    for (String conffile : Files.readAllLines(control.resolve("conffiles"))) {
      Files.deleteIfExists(root.resolve(conffile.substring(1)));
    }
    script(control, "postrm", env, "purge");
    assertThat(root.resolve("var/lib/sanxia-edge")).doesNotExist();
    assertThat(root.resolve("etc/sanxia-edge")).doesNotExist();
    assertThat(root.resolve("var/log/sanxia-edge")).doesNotExist();
  }

  /** Stubs of the commands that need root: each logs "name args" and keeps a user/group db. */
  private Path stubs(Path log, Path db) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("stubs"));
    String logLine = "echo \"$(basename \"$0\") $*\" >> '" + log + "'\n";
    stub(bin, "chown", logLine);
    stub(bin, "systemctl", logLine);
    stub(bin, "getent", "grep -qx \"$1 $2\" '" + db + "'\n");
    stub(bin, "addgroup", logLine + "echo \"group ${@: -1}\" >> '" + db + "'\n");
    stub(
        bin,
        "adduser",
        logLine + "case \"$1\" in --system) echo \"passwd ${@: -1}\" >> '" + db + "';; esac\n");
    return bin;
  }

  private static void stub(Path bin, String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void script(Path control, String name, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(control.resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(name + " " + String.join(" ", args) + ":\n" + output).isZero();
  }

  /** What dpkg removes on remove: the package's files except conffiles, then empty directories. */
  private void removePackageFiles(Path root, List<String> conffiles) throws Exception {
    List<String> paths =
        run("dpkg-deb", "--contents", deb.toString())
            .lines()
            .map(l -> l.substring(l.indexOf("./") + 1).replaceAll(" -> .*", ""))
            .toList();
    for (String path : paths) {
      Path file = root.resolve(path.substring(1));
      if (!path.endsWith("/") && !conffiles.contains(path)) {
        Files.deleteIfExists(file);
      }
    }
    List<String> dirs = new ArrayList<>(paths.stream().filter(p -> p.endsWith("/")).toList());
    dirs.sort((a, b) -> b.length() - a.length());
    for (String d : dirs) {
      Path directory = root.resolve(d.substring(1));
      try (Stream<Path> inside = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
        if (Files.exists(directory) && inside.findAny().isEmpty() && !d.equals("/")) {
          Files.delete(directory);
        }
      }
    }
  }

  private static String entry(List<String> contents, String path) {
    return contents.stream()
        .filter(l -> l.endsWith(" " + path) || l.contains(" " + path + " -> "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the package: " + path));
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static String path() {
    return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }
}
