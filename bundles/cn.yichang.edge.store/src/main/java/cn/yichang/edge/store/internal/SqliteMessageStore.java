package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffer on a SQLite file: an in-memory intake, one group-committing writer thread, and the
 * database behind a lock, with a queue per destination ({@link #queue}). As a {@link MessageStore}
 * itself it is the first destination's queue ({@value Queue#FIRST}). See the bundle's README for
 * what it guarantees.
 */
public final class SqliteMessageStore implements MessageStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");
  private static final Duration LOSS_REPORT_INTERVAL = Duration.ofMinutes(1);
  private static final Duration FLUSH_ON_CLOSE = Duration.ofMillis(1500);

  private final StoreSettings settings;
  private final Queues queues;
  private final LossLog losses = new LossLog(LOSS_REPORT_INTERVAL);
  private final Intake intake;
  private final DurableBuffer buffer;
  private final GroupWriter writer;
  private final Map<String, QueueStore> views = new LinkedHashMap<>();
  private final QueueStore first;

  private SqliteMessageStore(StoreSettings settings, Clock clock) {
    this.settings = settings;
    queues = new Queues(settings.destinations());
    intake = new Intake(settings.queueMaxMessages(), settings.queueMaxBytes());
    buffer =
        new DurableBuffer(
            new DatabaseOpener(settings.path(), queues, clock),
            new Eviction(settings.maxBytes(), queues.file()),
            queues);
    writer =
        new GroupWriter(
            intake,
            buffer,
            losses,
            settings.commitMaxMessages(),
            settings.commitInterval().toNanos());
    first = view(Queue.FIRST);
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
    for (Queue q : store.queues.all()) {
      LOG.info(
          "Store: {} open, {} messages buffered for {}, limit {} MB",
          settings.path(),
          q.stats.buffered(),
          q.name,
          settings.maxBytes() / (1024 * 1024));
    }
    return store;
  }

  /**
   * The queue of {@code destination}: one of the configured destinations, or one the file holds
   * from a configuration of before.
   *
   * @throws IllegalArgumentException for another name
   */
  public synchronized MessageStore queue(String destination) {
    return view(destination);
  }

  /** Every destination's queue, the configured first, then those only the file still holds. */
  synchronized Map<String, QueueStore> queues() {
    for (Queue q : queues.all()) {
      view(q.name);
    }
    return new LinkedHashMap<>(views);
  }

  /** The configured destinations, {@value Queue#FIRST} first: those whose queues are sent. */
  List<String> destinations() {
    return queues.all().stream().filter(q -> q.configured).map(q -> q.name).toList();
  }

  private QueueStore view(String destination) {
    Queue queue = queues.get(destination);
    if (queue == null) {
      throw new IllegalArgumentException("no queue for destination " + destination);
    }
    return views.computeIfAbsent(
        destination,
        d ->
            new QueueStore(
                queue, intake, buffer, losses, settings.commitMaxMessages(), settings.path()));
  }

  private QueueStore first() {
    return first;
  }

  @Override
  public void enqueue(OutboundMessage message) {
    first().enqueue(message);
  }

  @Override
  public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    return first().take(max, wait);
  }

  @Override
  public void acknowledge(long id) {
    first().acknowledge(id);
  }

  @Override
  public void split(long id, byte[] first, List<OutboundMessage> rest) {
    first().split(id, first, rest);
  }

  @Override
  public void setAside(long id, String reason) {
    first().setAside(id, reason);
  }

  @Override
  public void rewind() {
    first().rewind();
  }

  @Override
  public StoreCounters counters() {
    return first().counters();
  }

  @Override
  public StoreHistory history() {
    return first().history();
  }

  /** Group commits so far (transactions that wrote messages or deletions). */
  public long commits() {
    return queues.file().commits.get();
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
