package cn.yichang.edge.store.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The store's settings in the units the code uses.
 *
 * @param maxBytes size limit of the database's used pages
 * @param commitInterval longest time a message waits in memory before its group is committed
 * @param commitMaxMessages most messages in one transaction
 * @param queueMaxMessages most messages waiting in memory
 * @param queueMaxBytes most payload and topic bytes waiting in memory
 */
public record StoreSettings(
    Path path,
    long maxBytes,
    Duration commitInterval,
    int commitMaxMessages,
    int queueMaxMessages,
    long queueMaxBytes) {

  public StoreSettings {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(commitInterval, "commitInterval");
    if (maxBytes <= 0 || commitMaxMessages <= 0 || queueMaxMessages <= 0 || queueMaxBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive");
    }
  }

  static StoreSettings from(StoreConfig config) {
    if (config.path() == null || config.path().isBlank()) {
      throw new IllegalArgumentException("store: path is required");
    }
    return new StoreSettings(
        Path.of(config.path()),
        config.max_mb() * 1024L * 1024L,
        Duration.ofMillis(config.commit_interval_ms()),
        config.commit_max_messages(),
        config.queue_max_messages(),
        config.queue_max_kb() * 1024L);
  }
}
