package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.stream.Stream;

/** Which user mosquitto will run as, when the tests run as root and it drops privileges. */
final class RunAsUser {

  private RunAsUser() {}

  /**
   * The user mosquitto drops to, or null when this JVM is not root (mosquitto then runs as the
   * current user and reads what the current user wrote). Mosquitto falls back to "nobody" itself
   * when its own user does not exist; naming the user in the configuration makes that explicit.
   */
  static String brokerUser() throws IOException {
    if (!isRoot()) {
      return null;
    }
    for (String candidate : new String[] {"mosquitto", "nobody"}) {
      try {
        Path.of("/")
            .getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(candidate);
        return candidate;
      } catch (UserPrincipalNotFoundException e) {
        // try the next one
      }
    }
    throw new IOException("running as root, and neither user mosquitto nor nobody exists");
  }

  private static boolean isRoot() {
    try {
      // /proc/self belongs to the effective user of this process.
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Makes {@code user} the owner of {@code dir} and everything in it. */
  static void giveTree(Path dir, String user) throws IOException {
    UserPrincipal owner =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.toList()) {
        Files.setOwner(file, owner);
      }
    }
  }
}
