package cn.yichang.edge.store.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unclean stops found in this process, per buffer file. The platform must hear of one in every
 * BIRTH of the run, but a configuration change restarts the store within the run: the new instance
 * opens a file the old one closed cleanly a moment ago and would find nothing. So the finding
 * belongs to the process, not to the store instance.
 */
final class UncleanStarts {

  /**
   * @param lastCommit when messages were last committed before it, {@code null} when unknown
   */
  record Finding(String cause, Instant lastCommit) {}

  private static final Map<Path, Finding> FOUND = new ConcurrentHashMap<>();

  private UncleanStarts() {}

  /** Records the first finding of this process for the file; later ones add nothing. */
  static void found(Path file, String cause, Instant lastCommit) {
    FOUND.putIfAbsent(key(file), new Finding(cause, lastCommit));
  }

  /** The finding for the file, {@code null} when this process found none. */
  static Finding of(Path file) {
    return FOUND.get(key(file));
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
