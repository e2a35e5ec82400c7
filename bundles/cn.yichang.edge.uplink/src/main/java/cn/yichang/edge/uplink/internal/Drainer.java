package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.uplink.session.DeliveryListener;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.SessionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from the store to one connected session: batches of at most {@link #MAX_BATCH}
 * (and no more than the window), taken ahead on the {@link TakeAhead} thread, are published at QoS
 * 1 in the order taken as slots of the in-flight window free up; each row is acknowledged only when
 * the broker acknowledged its message. A message the broker refuses, or that the connection loses,
 * stays in the store: it is taken again after the rewind of the next connection, so a refusal is
 * retried once per connection, never in a loop.
 *
 * <p>Nothing larger than the connection's {@link PacketLimit} is published: a broker drops the
 * connection on such a packet, and the same message would then block the queue at every
 * reconnection. A larger reading set is cut into parts that fit (the first keeps the row and its
 * {@code edge.seq}, the others become rows of their own, see {@link MessageStore#split}); one that
 * cannot be cut, or that the broker refuses for a reason a retry does not change, is set aside
 * ({@link MessageStore#setAside}): counted, logged, and out of the way of the others.
 */
final class Drainer {
  private static final Logger LOG = LoggerFactory.getLogger(Drainer.class);

  /** How long one wait for room or for messages lasts, so that a lost connection is noticed. */
  static final Duration POLL = Duration.ofMillis(200);

  static final int QOS_AT_LEAST_ONCE = 1;

  /** The most messages taken at once (a take's fixed cost is spread thin well before this). */
  static final int MAX_BATCH = 128;

  private static final Duration LOG_INTERVAL = Duration.ofSeconds(60);

  /**
   * PUBACK reason codes that the same message gets again on any retry: not authorized (an ACL),
   * topic name invalid, payload format invalid. Others (unspecified, quota exceeded, ...) may pass
   * on another connection. Packet too large (0x95) is no PUBACK code: the broker disconnects, and
   * the packet limit keeps that from happening.
   */
  private static final Set<Integer> FINAL_REFUSALS = Set.of(0x87, 0x90, 0x99);

  private final MessageStore store;
  private final WireFormat wire;
  private final InFlightWindow window;
  private final UplinkCounters counters;
  private final ThrottledLog refusals = new ThrottledLog(LOG, LOG_INTERVAL);
  private final ThrottledLog splits = new ThrottledLog(LOG, LOG_INTERVAL);
  private final ThrottledLog setAside = new ThrottledLog(LOG, LOG_INTERVAL);

  Drainer(MessageStore store, WireFormat wire, InFlightWindow window, UplinkCounters counters) {
    this.store = store;
    this.wire = wire;
    this.window = window;
    this.counters = counters;
  }

  /**
   * Publishes until {@code keepGoing} turns false or the session refuses a publish.
   *
   * @param generation the window's generation opened for this session
   * @param limit the largest packet this session may send
   * @return why it stopped: {@code null} when {@code keepGoing} turned false, else the session's
   *     refusal
   */
  String drain(MqttSession session, long generation, PacketLimit limit, BooleanSupplier keepGoing)
      throws InterruptedException {
    // Batches taken on another thread while this one publishes: a take costs hundreds of
    // microseconds (more while the store commits), and taking per freed slot left the window empty
    // meanwhile. An alarm committed after a take waits behind the batch being published and the
    // one held ready: at most MAX_BATCH each, so a large window does not put thousands of
    // readings ahead of it. At a loss those two batches are taken again besides the window in
    // flight.
    try (TakeAhead ahead = TakeAhead.start(store, Math.min(window.capacity(), MAX_BATCH), POLL)) {
      while (keepGoing.getAsBoolean()) {
        for (StoredMessage message : ahead.next(POLL)) {
          if (!awaitSlot(generation, keepGoing)) {
            return null; // the rest of the batch is taken again after the rewind
          }
          String refusal = publish(session, generation, limit, message);
          if (refusal != null) {
            return refusal;
          }
        }
      }
    }
    return null;
  }

  /** Takes a slot of the window, waiting for one; false when the connection is over. */
  private boolean awaitSlot(long generation, BooleanSupplier keepGoing)
      throws InterruptedException {
    while (keepGoing.getAsBoolean()) {
      if (window.acquire(generation)) {
        return true;
      }
      if (!window.isOpen(generation)) {
        return false;
      }
      window.awaitFree(POLL);
    }
    return false;
  }

  private String publish(
      MqttSession session, long generation, PacketLimit limit, StoredMessage message) {
    byte[] bytes;
    try {
      bytes = wire.encode(message);
      if (!limit.fits(message.topic(), bytes.length)) {
        StoredMessage first = cut(message, bytes.length, limit);
        if (first == null) {
          window.release(generation);
          return null;
        }
        message = first;
        bytes = wire.encode(first);
      }
    } catch (RuntimeException e) {
      window.release(generation);
      counters.onFailed("cannot encode seq " + message.seq() + " on " + message.topic() + ": " + e);
      LOG.error(
          "Cannot encode seq {} on {}; kept in the buffer", message.seq(), message.topic(), e);
      return null;
    }
    try {
      session.publish(
          message.topic(), bytes, QOS_AT_LEAST_ONCE, new Acknowledgement(message, generation));
      counters.onPublished();
      return null;
    } catch (SessionException e) {
      // not sent at all: the connection is unusable; the loop reports it and reconnects
      window.release(generation);
      return e.getMessage();
    }
  }

  /**
   * Cuts a message too large for the limit: its row keeps the first part, which is returned to be
   * sent now, and the other parts follow as rows of their own. A message that cannot be cut is set
   * aside, and {@code null} returned.
   */
  private StoredMessage cut(StoredMessage message, int size, PacketLimit limit) {
    int room = limit.maxPayload(message.topic());
    List<byte[]> parts = room > 0 ? wire.split(message, room) : List.of();
    if (parts.isEmpty()) {
      setAside(
          message,
          size
              + " bytes on the wire, over the broker's limit of "
              + limit
              + " a packet, and no part of it can be sent alone");
      return null;
    }
    List<OutboundMessage> rest = new ArrayList<>(parts.size() - 1);
    for (byte[] part : parts.subList(1, parts.size())) {
      rest.add(new OutboundMessage(message.topic(), message.priority(), part, message.created()));
    }
    store.split(message.id(), parts.get(0), rest);
    counters.onSplit();
    splits.warn(
        "Seq "
            + message.seq()
            + " on "
            + message.topic()
            + " is "
            + size
            + " bytes, over the broker's limit of "
            + limit
            + " a packet: sent as "
            + parts.size()
            + " messages with the same timestamp, each with its own edge.seq");
    return new StoredMessage(
        message.id(),
        message.seq(),
        message.topic(),
        message.priority(),
        parts.get(0),
        message.created());
  }

  private void setAside(StoredMessage message, String reason) {
    store.setAside(message.id(), reason);
    counters.onSetAside(
        "seq " + message.seq() + " on " + message.topic() + " set aside: " + reason);
    setAside.warn(
        "Seq "
            + message.seq()
            + " on "
            + message.topic()
            + " set aside, never to be sent: "
            + reason);
  }

  /** Ends one publish: the row goes only when the broker has the message. */
  private final class Acknowledgement implements DeliveryListener {
    private final StoredMessage message;
    private final long generation;

    Acknowledgement(StoredMessage message, long generation) {
      this.message = message;
      this.generation = generation;
    }

    @Override
    public void delivered() {
      // runs on Paho's callback thread, which drops the connection if a listener throws
      try {
        store.acknowledge(message.id());
        counters.onAcknowledged();
      } catch (RuntimeException e) {
        counters.onError("store cannot acknowledge seq " + message.seq() + ": " + e);
        LOG.error("Store cannot acknowledge seq {}; it will be sent again", message.seq(), e);
      } finally {
        window.release(generation);
      }
    }

    @Override
    public void refused(int reasonCode, String reason) {
      try {
        if (FINAL_REFUSALS.contains(reasonCode)) {
          setAside(message, "the broker refused it: " + reason);
        } else {
          counters.onFailed(
              "broker refused seq " + message.seq() + " on " + message.topic() + ": " + reason);
          refusals.warn(
              "Broker refused seq "
                  + message.seq()
                  + " on "
                  + message.topic()
                  + ": "
                  + reason
                  + "; kept for the next connection");
        }
      } finally {
        window.release(generation);
      }
    }

    @Override
    public void lost(String reason) {
      counters.onFailed("seq " + message.seq() + " not acknowledged: " + reason);
      window.release(generation);
    }
  }
}
