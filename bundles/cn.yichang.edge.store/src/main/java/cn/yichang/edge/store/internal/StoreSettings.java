package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.config.StoreConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.osgi.service.cm.ConfigurationException;

/**
 * The store's settings in the units the code uses.
 *
 * @param maxBytes size limit of the database's used pages
 * @param commitInterval longest time a message waits in memory before its group is committed
 * @param commitMaxMessages most messages in one transaction
 * @param queueMaxMessages most messages waiting in memory
 * @param queueMaxBytes most payload and topic bytes waiting in memory
 * @param destinations the destinations that get a queue, besides {@code uplink} (the Kura platform,
 *     always there)
 */
public record StoreSettings(
    Path path,
    long maxBytes,
    Duration commitInterval,
    int commitMaxMessages,
    int queueMaxMessages,
    long queueMaxBytes,
    List<String> destinations) {

  public StoreSettings {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(commitInterval, "commitInterval");
    destinations = List.copyOf(destinations);
    for (String d : destinations) {
      if (!Queue.NAME.matcher(d).matches()) {
        throw new IllegalArgumentException("\"" + d + "\" is not a destination name");
      }
    }
    if (maxBytes <= 0 || commitMaxMessages <= 0 || queueMaxMessages <= 0 || queueMaxBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive");
    }
  }

  /** The Kura platform's queue alone. */
  public StoreSettings(
      Path path,
      long maxBytes,
      Duration commitInterval,
      int commitMaxMessages,
      int queueMaxMessages,
      long queueMaxBytes) {
    this(
        path,
        maxBytes,
        commitInterval,
        commitMaxMessages,
        queueMaxMessages,
        queueMaxBytes,
        List.of(Queue.FIRST));
  }

  /**
   * The activation's checks, in one place so that {@code validate} ({@link
   * cn.yichang.edge.store.config.StoreConfigCheck}) refuses exactly what the component would.
   *
   * @throws ConfigurationException naming the configuration key at fault and why
   */
  public static StoreSettings of(StoreConfig config) throws ConfigurationException {
    Path path = path(config.path());
    positive("max.mb", config.max_mb());
    positive("commit.interval.ms", config.commit_interval_ms());
    positive("commit.max.messages", config.commit_max_messages());
    positive("queue.max.messages", config.queue_max_messages());
    positive("queue.max.kb", config.queue_max_kb());
    writable(path);
    for (String d : config.destinations()) {
      if (!Queue.NAME.matcher(d).matches()) {
        throw new ConfigurationException(
            "destinations",
            "store: \""
                + d
                + "\" is not a destination name (1 to 32 of a-z, 0-9, _ and -, from a letter or"
                + " digit)");
      }
    }
    return new StoreSettings(
        path,
        config.max_mb() * 1024L * 1024L,
        Duration.ofMillis(config.commit_interval_ms()),
        config.commit_max_messages(),
        config.queue_max_messages(),
        config.queue_max_kb() * 1024L,
        List.of(config.destinations()));
  }

  private static Path path(String value) throws ConfigurationException {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("path", "store: path is required");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigurationException("path", "store: \"" + value + "\" is not a path");
    }
  }

  private static void positive(String key, int value) throws ConfigurationException {
    if (value <= 0) {
      throw new ConfigurationException(key, "store: " + key + " is " + value + ", must be above 0");
    }
  }

  /**
   * The store creates a missing directory and file at open and, when it cannot, retries with every
   * group for ever, each reading lost: right for a full disk, which frees up, but a directory that
   * can never be made or written is the installer's to fix, so it is refused here, before anything
   * starts.
   */
  private static void writable(Path file) throws ConfigurationException {
    Path path = file.toAbsolutePath();
    if (Files.isDirectory(path)) {
      throw new ConfigurationException(
          "path", "store: " + path + " is a directory: name the database file");
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw new ConfigurationException("path", "store: cannot write " + path + " (permissions)");
    }
    Path existing = path.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new ConfigurationException(
          "path",
          "store: cannot create the directory of "
              + path
              + ": "
              + existing
              + " is not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw new ConfigurationException(
          "path",
          "store: cannot create " + path + ": " + existing + " is not writable (permissions)");
    }
  }
}
