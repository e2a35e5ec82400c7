package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.uplink.UplinkStatus;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.ServerLimits;
import cn.yichang.edge.uplink.session.SessionException;
import cn.yichang.edge.uplink.session.SessionFactory;
import cn.yichang.edge.uplink.session.SessionListener;
import cn.yichang.edge.uplink.session.SessionOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink's own thread: connect, BIRTH, drain the store until the connection is lost, rewind the
 * store, back off with jitter, and again, until {@link #stop()}, which sends DC and disconnects.
 * Paho's automatic reconnect is off; this loop is the only one.
 *
 * <p>The backoff starts over only after a connection proved itself ({@link
 * ReconnectPolicy#connectionEnded}): a broker that drops the gateway right after CONNACK (a packet
 * limit, an ACL on BIRTH, a broker in trouble) sees its attempts spread out as after any failure,
 * not one every second with an LWT each time.
 */
final class UplinkEngine {
  private static final Logger LOG = LoggerFactory.getLogger(UplinkEngine.class);

  /** How long a clean stop lets outstanding acknowledgements arrive before DC and DISCONNECT. */
  static final Duration QUIESCE = Duration.ofMillis(800);

  private final SessionFactory sessions;
  private final SessionOptions options;
  private final long maxMessage;
  private final Supplier<String> protocol; // auto: the one found
  private final MessageStore store;
  private final LifecycleSender lifecycle;
  private final ReconnectPolicy policy;
  private final UplinkCounters counters;
  private final Function<SessionException, String> explain;
  private final ControlLink control;
  private final String controlSubscription;
  private final InFlightWindow window = new InFlightWindow();
  private final Drainer drainer;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  UplinkEngine(
      SessionFactory sessions,
      SessionOptions options,
      long maxMessage,
      Supplier<String> protocol,
      MessageStore store,
      WireFormat wire,
      Lifecycle lifecycle,
      ReconnectPolicy policy,
      UplinkCounters counters,
      Function<SessionException, String> explain,
      ControlLink control,
      String controlSubscription) {
    this.sessions = sessions;
    this.options = options;
    this.maxMessage = maxMessage;
    this.protocol = protocol;
    this.store = store;
    this.lifecycle = new LifecycleSender(lifecycle, options.connectDeadline(), counters);
    this.policy = policy;
    this.counters = counters;
    this.explain = explain;
    this.control = control;
    this.controlSubscription = controlSubscription;
    this.drainer = new Drainer(store, wire, window, counters);
    this.thread = new Thread(this::run, "uplink " + options.serverUri());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Sends DC on a live connection and disconnects; returns within a few seconds. */
  void stop() throws InterruptedException {
    running = false;
    stopping.countDown();
    thread.interrupt();
    thread.join(QUIESCE.multipliedBy(2).plus(options.connectDeadline()).toMillis());
    control.close();
    if (thread.isAlive()) {
      LOG.warn("Uplink to {} did not stop in time; leaving its thread behind", options.serverUri());
    }
  }

  UplinkStatus status() {
    return counters.snapshot(
        options.serverUri(), protocol.get(), window.inFlight(), store.counters());
  }

  private void run() {
    while (running) {
      try {
        connectAndDrain();
      } catch (RuntimeException | Error e) {
        // Errors too (an OutOfMemoryError in a burst, a LinkageError while bundles are refreshed):
        // a dead uplink thread would buffer silently until the disk is full; try again instead.
        counters.onError("Uplink failure: " + e);
        LOG.error("Uplink failure; reconnecting", e);
      }
      if (!running) {
        break;
      }
      Duration delay = policy.nextDelay();
      LOG.info("Uplink: next attempt to reach {} in {} ms", options.serverUri(), delay.toMillis());
      try {
        if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        break;
      }
    }
  }

  /** One connection, from connect to its end; the store is rewound afterwards. */
  private void connectAndDrain() {
    ConnectionState state = new ConnectionState();
    MqttSession session = null;
    boolean connected = false;
    long answeredAt = 0; // when BIRTH was acknowledged: the connection is usable from then on
    try {
      Lifecycle.Message will = lifecycle.will();
      SessionOptions connection =
          options.withWill(new SessionOptions.Will(will.topic(), will.payload(), 0));
      session =
          sessions.open(
              connection,
              new SessionListener() {
                @Override
                public void connectionLost(String reason) {
                  state.lost(reason);
                }

                @Override
                public void messageArrived(String topic, byte[] payload) {
                  control.arrived(topic, payload);
                }
              });
      ServerLimits server = session.connect();
      connected = true;
      counters.onConnected();
      int size = Math.min(options.maxInFlight(), server.receiveMaximum());
      PacketLimit limit = PacketLimit.of(server, maxMessage);
      LOG.info(
          "Uplink connected to {} ({}, {} in flight{})",
          options.serverUri(),
          protocol.get(),
          size,
          limit.limited() ? ", packets up to " + limit : "");
      subscribeControl(session);
      if (lifecycle.birth(session, limit)) {
        answeredAt = System.nanoTime();
      }
      control.connected(session, limit);
      long generation = window.open(size);
      String refusal = drainer.drain(session, generation, limit, () -> running && !state.isLost());
      if (refusal != null) {
        state.lost("publish refused by the client: " + refusal);
      }
    } catch (SessionException e) {
      String what = connected ? "Uplink lost " : "Uplink cannot connect to ";
      String why = connected ? e.getMessage() : explain.apply(e);
      counters.onError(what + options.serverUri() + ": " + why);
      LOG.warn("{}{}: {}", what, options.serverUri(), why);
      LOG.debug("Uplink failure of {}", options.serverUri(), e);
    } catch (InterruptedException e) {
      // stop() interrupts; a clean disconnect follows below
    } catch (RuntimeException e) {
      // the store or the codec failed: start over with a new connection after a pause
      counters.onError("Uplink failure: " + e);
      LOG.error("Uplink failure; reconnecting", e);
    } finally {
      if (state.isLost()) {
        counters.onError("connection to " + options.serverUri() + " lost: " + state.reason());
        LOG.warn("Uplink lost {}: {}", options.serverUri(), state.reason());
      }
      control.disconnected();
      try {
        if (session != null) {
          if (connected && !running && !state.isLost()) {
            Thread.interrupted(); // stopping: the last few steps must not be cut short
            lifecycle.disconnect(session, window, QUIESCE);
          }
          window.close();
          session.close();
        }
      } catch (RuntimeException e) {
        // a failing DC or close must not keep the taken messages from being offered again
        LOG.warn("Uplink: closing the session of {} failed: {}", options.serverUri(), e.toString());
      } finally {
        window.close();
        counters.onDisconnected();
        store.rewind();
        if (answeredAt != 0) {
          policy.connectionEnded(Duration.ofNanos(System.nanoTime() - answeredAt));
        }
      }
    }
  }

  /**
   * Subscribes to the control topics; a refusal is reported and tolerated: the gateway then answers
   * no requests, but its data still flows.
   */
  private void subscribeControl(MqttSession session) {
    try {
      session.subscribe(controlSubscription, 1);
    } catch (SessionException e) {
      counters.onError("control subscription " + controlSubscription + ": " + e.getMessage());
      LOG.warn("Uplink: no requests from the platform: {}", e.getMessage());
    }
  }

  /** What Paho's callback thread tells the loop about the current connection. */
  private static final class ConnectionState {
    private volatile String lostReason;

    void lost(String reason) {
      if (lostReason == null) {
        lostReason = reason;
      }
    }

    boolean isLost() {
      return lostReason != null;
    }

    String reason() {
      return lostReason;
    }
  }
}
