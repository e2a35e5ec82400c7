package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.uplink.internal.session.DeliveryListener;
import cn.yichang.edge.uplink.internal.session.MqttSession;
import cn.yichang.edge.uplink.internal.session.SessionException;
import java.time.Duration;
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
 */
final class Drainer {
  private static final Logger LOG = LoggerFactory.getLogger(Drainer.class);

  /** How long one wait for room or for messages lasts, so that a lost connection is noticed. */
  static final Duration POLL = Duration.ofMillis(200);

  static final int QOS_AT_LEAST_ONCE = 1;

  /** The most messages taken at once (a take's fixed cost is spread thin well before this). */
  static final int MAX_BATCH = 128;

  private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(60);

  private final MessageStore store;
  private final WireFormat wire;
  private final InFlightWindow window;
  private final UplinkCounters counters;
  private volatile long lastRefusalLog;

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
   * @return why it stopped: {@code null} when {@code keepGoing} turned false, else the session's
   *     refusal
   */
  String drain(MqttSession session, long generation, BooleanSupplier keepGoing)
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
          String refusal = publish(session, generation, message);
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

  private String publish(MqttSession session, long generation, StoredMessage message) {
    byte[] bytes;
    try {
      bytes = wire.encode(message);
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
      counters.onFailed(
          "broker refused seq " + message.seq() + " on " + message.topic() + ": " + reason);
      long now = System.nanoTime();
      long last = lastRefusalLog;
      if (last == 0 || now - last > REFUSAL_LOG_INTERVAL.toNanos()) {
        lastRefusalLog = now;
        LOG.warn(
            "Broker refused seq {} on {}: {}; kept for the next connection"
                + " (further refusals within {} s are only counted)",
            message.seq(),
            message.topic(),
            reason,
            REFUSAL_LOG_INTERVAL.toSeconds());
      }
      window.release(generation);
    }

    @Override
    public void lost(String reason) {
      counters.onFailed("seq " + message.seq() + " not acknowledged: " + reason);
      window.release(generation);
    }
  }
}
