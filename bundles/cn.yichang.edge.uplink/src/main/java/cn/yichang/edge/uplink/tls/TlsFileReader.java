package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a TLS file whole, turning each I/O failure into a message that names the file. */
final class TlsFileReader {

  /** Far above any certificate bundle; a larger file is a wrong path, not a PEM file. */
  private static final long MAX_BYTES = 1 << 20;

  private TlsFileReader() {}

  static byte[] read(Role role, Path file) throws TlsProblem {
    try {
      if (Files.isDirectory(file)) {
        throw new TlsProblem(role, file, "is a directory, not a file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new TlsProblem(role, file, "is larger than " + MAX_BYTES + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        throw new TlsProblem(role, file, "is empty");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new TlsProblem(role, file, "does not exist", e);
    } catch (AccessDeniedException e) {
      throw new TlsProblem(
          role,
          file,
          "cannot be read by user " + System.getProperty("user.name") + " (permission denied)",
          e);
    } catch (IOException e) {
      throw new TlsProblem(role, file, "cannot be read: " + e, e);
    }
  }
}
