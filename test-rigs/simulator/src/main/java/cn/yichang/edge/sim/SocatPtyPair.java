package cn.yichang.edge.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A linked pair of pseudo-terminals made by socat, in raw mode without echo: whatever is written to
 * one end is read from the other. The gateway (or a test's master) opens {@link #masterEnd()}, a
 * simulator opens {@link #deviceEnd()}. The names say who is meant to sit where; the pair itself is
 * symmetric.
 */
public final class SocatPtyPair implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(5);

  private final Process socat;
  private final Path masterEnd;
  private final Path deviceEnd;

  private SocatPtyPair(Process socat, Path masterEnd, Path deviceEnd) {
    this.socat = socat;
    this.masterEnd = masterEnd;
    this.deviceEnd = deviceEnd;
  }

  /** True if a socat binary is on the PATH, for tests that must skip without it. */
  public static boolean socatAvailable() {
    return onPath("socat");
  }

  /** True if an executable of that name is on the PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts socat with links {@code dir/masterName} and {@code dir/deviceName}, and waits until both
   * links exist. Stale links of the same names are removed first.
   */
  public static SocatPtyPair start(Path dir, String masterName, String deviceName)
      throws IOException {
    Files.createDirectories(dir);
    Path master = dir.resolve(masterName).toAbsolutePath();
    Path device = dir.resolve(deviceName).toAbsolutePath();
    Files.deleteIfExists(master);
    Files.deleteIfExists(device);
    Process socat =
        new ProcessBuilder(
                List.of(
                    "socat",
                    "-d",
                    "-d",
                    "pty,raw,echo=0,link=" + master,
                    "pty,raw,echo=0,link=" + device))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat-" + masterName + ".log").toFile())
            .start();
    SocatPtyPair pair = new SocatPtyPair(socat, master, device);
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (!(Files.exists(master) && Files.exists(device))) {
      if (!socat.isAlive() || System.nanoTime() - deadline > 0) {
        pair.close();
        throw new IOException(
            "socat did not create " + master + " and " + device + " within " + START_DEADLINE);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return pair;
  }

  /** Starts a pair in {@code dir} with links named {@code ttyMaster} and {@code ttyDevice}. */
  public static SocatPtyPair start(Path dir) throws IOException {
    return start(dir, "ttyMaster", "ttyDevice");
  }

  /** The end for the master (the gateway). */
  public Path masterEnd() {
    return masterEnd;
  }

  /** The end for the simulated device. */
  public Path deviceEnd() {
    return deviceEnd;
  }

  public boolean isAlive() {
    return socat.isAlive();
  }

  /** Stops socat (which removes its links) and waits for it to exit. */
  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
