package cn.yichang.edge.rig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's state directory on a small tmpfs that a disk-fill action fills up with one file and
 * frees again. Mounting needs root (and a kernel that lets this process mount); without either,
 * {@link #mount} says why and disk-fill actions are skipped.
 */
final class DiskFiller implements AutoCloseable {

  private static final int SIZE_MB = 16;

  private final Path dir;
  private final Path filler;

  private DiskFiller(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("disk-fill.bin");
  }

  /** Why the state dir could not be put on a tmpfs, or null if it was. */
  record Mounted(DiskFiller filler, String whyNot) {}

  static Mounted mount(Path dir) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return new Mounted(null, "not root: the state directory cannot be put on a small tmpfs");
    }
    Files.createDirectories(dir);
    Process mount =
        new ProcessBuilder(
                List.of(
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    "size=" + SIZE_MB + "m",
                    "rig-state",
                    dir.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(mount.getInputStream().readAllBytes()).trim();
    if (!mount.waitFor(10, TimeUnit.SECONDS) || mount.exitValue() != 0) {
      return new Mounted(null, "mount -t tmpfs failed: " + output);
    }
    return new Mounted(new DiskFiller(dir), null);
  }

  /** Writes one file until the tmpfs is full; returns the bytes written. */
  long fill() throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
        written += chunk.length;
      }
    } catch (IOException e) {
      // No space left on device: that is the point
      return written;
    }
  }

  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    free();
    Process umount =
        new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).inheritIO().start();
    umount.waitFor(10, TimeUnit.SECONDS);
  }
}
