package cn.yichang.edge.store;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable outbound queue between acquisition and the uplink.
 *
 * <p>Producers call {@link #enqueue}, which never waits on the disk: messages are committed in
 * groups (by time and by count). The uplink {@link #take}s messages in sending order (priority,
 * then age), publishes them, and {@link #acknowledge}s each one the broker acknowledged; when its
 * connection drops it {@link #rewind}s, so that every unacknowledged message is taken again.
 */
@ProviderType
public interface MessageStore {

  /** Queues the message for the next group commit; returns at once. */
  void enqueue(OutboundMessage message);

  /**
   * The next messages in sending order that have not been taken since the last rewind, waiting up
   * to {@code wait} for one to be committed when none is available.
   *
   * @return at most {@code max} messages, empty when none came within the wait
   */
  List<StoredMessage> take(int max, Duration wait) throws InterruptedException;

  /** The broker has the message: remove it (removals are committed in groups too). */
  void acknowledge(long id);

  /** Makes every message taken and not acknowledged available to {@link #take} again. */
  void rewind();

  StoreCounters counters();
}
