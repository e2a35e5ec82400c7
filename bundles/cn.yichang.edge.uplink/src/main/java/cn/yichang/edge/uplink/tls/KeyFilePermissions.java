package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Refuses a private key that users other than the gateway's own could read, as ssh does: on a
 * gateway shared with other services, a world-readable key lets any of them impersonate it.
 */
final class KeyFilePermissions {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private KeyFilePermissions() {}

  /**
   * Throws if the file has any group or other permission bit, unless loose permissions are allowed.
   * A file system without POSIX permissions (a FAT-formatted SD card) is not checked.
   */
  static void check(Role role, Path file, boolean allowLoosePermissions) throws TlsProblem {
    if (allowLoosePermissions) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw new TlsProblem(role, file, "cannot read its permissions: " + e, e);
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new TlsProblem(
          role,
          file,
          "is open to users other than the gateway's own (permissions "
              + PosixFilePermissions.toString(permissions)
              + "); run: chmod 600 "
              + file
              + " (or allow loose key permissions in the site file)");
    }
  }
}
