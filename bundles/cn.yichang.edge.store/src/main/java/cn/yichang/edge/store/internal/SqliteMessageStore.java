package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageStore} on a SQLite file: an in-memory intake, one group-committing writer
 * thread, and the database behind a lock. See the bundle's README for what it guarantees.
 */
public final class SqliteMessageStore implements MessageStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");
  private static final Duration LOSS_REPORT_INTERVAL = Duration.ofMinutes(1);
  private static final Duration FLUSH_ON_CLOSE = Duration.ofMillis(1500);

  private final StoreSettings settings;
  private final StoreStats stats = new StoreStats();
  private final LossLog losses = new LossLog(stats, LOSS_REPORT_INTERVAL);
  private final Intake intake;
  private final DurableBuffer buffer;
  private final GroupWriter writer;

  private SqliteMessageStore(StoreSettings settings, Clock clock) {
    this.settings = settings;
    intake = new Intake(settings.queueMaxMessages(), settings.queueMaxBytes());
    buffer =
        new DurableBuffer(
            new DatabaseOpener(settings.path(), stats, clock),
            new Eviction(settings.maxBytes(), stats),
            stats);
    writer =
        new GroupWriter(
            intake,
            buffer,
            losses,
            settings.commitMaxMessages(),
            settings.commitInterval().toNanos());
  }

  /**
   * Opens (or creates) the database and starts the writer. Never fails for the file's sake: a
   * damaged file is replaced, and one that cannot be opened is retried with every group.
   */
  public static SqliteMessageStore open(StoreSettings settings) {
    return open(settings, Clock.systemUTC());
  }

  static SqliteMessageStore open(StoreSettings settings, Clock clock) {
    SqliteMessageStore store = new SqliteMessageStore(settings, clock);
    store.buffer.open();
    store.writer.start();
    LOG.info(
        "Store: {} open, {} messages buffered, limit {} MB",
        settings.path(),
        store.stats.buffered(),
        settings.maxBytes() / (1024 * 1024));
    return store;
  }

  @Override
  public void enqueue(OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    if (!intake.offer(message)) {
      losses.lost(1, intake.isClosed() ? LossLog.Reason.CLOSED : LossLog.Reason.QUEUE_FULL, null);
    }
  }

  @Override
  public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    return buffer.take(max, wait);
  }

  @Override
  public void acknowledge(long id) {
    buffer.acknowledge(id);
    // Deletions wait for the next group; a fast drain would pile up acknowledged rows that a
    // kill -9 then sends again. Past one group's worth, commit them now.
    if (buffer.pendingDeleteCount() >= settings.commitMaxMessages()) {
      intake.wake();
    }
  }

  @Override
  public void split(long id, byte[] first, List<OutboundMessage> rest) {
    buffer.split(new RowSplit(id, first, rest));
    intake.wake(); // the parts should not wait for the next group's interval
  }

  @Override
  public void setAside(long id, String reason) {
    buffer.setAside(id, reason);
  }

  @Override
  public void rewind() {
    buffer.rewind();
  }

  @Override
  public StoreCounters counters() {
    return stats.snapshot();
  }

  @Override
  public StoreHistory history() {
    return stats.history(UncleanStarts.of(settings.path()));
  }

  /** Per priority: how many messages are buffered and when the oldest and newest were acquired. */
  List<PrioritySpan> spans() {
    return buffer.spans();
  }

  /** Group commits so far (transactions that wrote messages or deletions). */
  public long commits() {
    return stats.commits();
  }

  StoreSettings settings() {
    return settings;
  }

  /** Commits what is queued (for at most about 1.5 s) and closes the file. */
  @Override
  public void close() {
    try {
      if (!writer.stop(FLUSH_ON_CLOSE.toNanos())) {
        LOG.warn("Store: the writer did not finish within {}", FLUSH_ON_CLOSE);
      }
      buffer.close(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
