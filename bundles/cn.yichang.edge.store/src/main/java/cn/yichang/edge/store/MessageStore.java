package cn.yichang.edge.store;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One destination's durable outbound queue, between its encoding stage and its transport. The store
 * keeps a queue per destination in one file and registers one of these for each, with the service
 * property {@value #DESTINATION_PROPERTY}: a dead platform never holds back another one, and each
 * numbers its messages on its own.
 *
 * <p>Producers call {@link #enqueue}, which never waits on the disk: messages are committed in
 * groups (by time and by count). The uplink {@link #take}s messages in sending order (priority,
 * then age), publishes them, and {@link #acknowledge}s each one the broker acknowledged; when its
 * connection drops it {@link #rewind}s, so that every unacknowledged message is taken again.
 */
@ProviderType
public interface MessageStore {
  /** The service property naming the destination whose queue it is. */
  String DESTINATION_PROPERTY = "destination";

  /** The destination of the Kura platform of the site file's {@code uplink:}. */
  String UPLINK = "uplink";

  /** The LDAP filter of the {@value #UPLINK} queue, for references. */
  String UPLINK_TARGET = "(" + DESTINATION_PROPERTY + "=" + UPLINK + ")";

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

  /**
   * The message is larger than the platform accepts and has been cut into parts: from the next
   * commit on, its row holds {@code first} (keeping its id and sequence number, so a resend of that
   * part is a detectable duplicate) and {@code rest} follow as new messages of its priority with
   * sequence numbers of their own, all in one transaction. Nothing changes if the row is gone by
   * then (evicted or acknowledged). Like {@link #acknowledge}, it returns at once.
   */
  void split(long id, byte[] first, List<OutboundMessage> rest);

  /**
   * The platform will never accept the message (too large and not divisible, or refused for a
   * reason a retry does not change): with the next commit it leaves the queue for good, kept aside
   * with {@code reason} for inspection and counted in {@link StoreCounters#setAside()}. It is not
   * taken again meanwhile. Returns at once.
   */
  void setAside(long id, String reason);

  /** Makes every message taken and not acknowledged available to {@link #take} again. */
  void rewind();

  /** What the buffer has done since the gateway started, and what it holds now. */
  StoreCounters counters();

  /**
   * What the buffer file has been through since it was created (losses, evictions), and whether
   * this run began after an unclean stop: for the platform, in BIRTH.
   */
  StoreHistory history();
}
