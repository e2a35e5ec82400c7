package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.ControlReceiver;
import cn.yichang.edge.uplink.session.DeliveryListener;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.SessionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control side of the connection: hands what arrives on the control subscription to the one
 * receiver, publishes answers on the live session (not through the buffer), and sends BIRTH or APPS
 * once for announcements that come close together.
 */
final class ControlLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlLink.class);

  private final Lifecycle lifecycle;
  private final Duration announceDelay;
  private final ScheduledExecutorService announcer;
  private volatile ControlReceiver receiver;
  private volatile MqttSession live;
  private volatile PacketLimit liveLimit = PacketLimit.NONE;
  private boolean pendingBirth; // guarded by this
  private boolean pendingApps; // guarded by this
  private boolean scheduled; // guarded by this

  ControlLink(Lifecycle lifecycle, Duration announceDelay) {
    this.lifecycle = lifecycle;
    this.announceDelay = announceDelay;
    this.announcer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "uplink announcements");
              t.setDaemon(true);
              return t;
            });
  }

  AutoCloseable receive(ControlReceiver next) {
    receiver = next;
    return () -> {
      if (receiver == next) {
        receiver = null;
      }
    };
  }

  /** On the client's callback thread: never throws, so that the connection survives a receiver. */
  void arrived(String topic, byte[] payload) {
    ControlReceiver r = receiver;
    if (r == null) {
      LOG.debug("Control message on {} and nobody to take it; dropped", topic);
      return;
    }
    try {
      r.received(topic, payload);
    } catch (RuntimeException e) {
      LOG.error("Control receiver failed on {}", topic, e);
    }
  }

  void connected(MqttSession session, PacketLimit limit) {
    liveLimit = limit;
    live = session;
  }

  void disconnected() {
    live = null;
  }

  /** The most payload {@link #publishNow} can send on {@code topic} now. */
  int maxPayload(String topic) {
    return live == null ? Integer.MAX_VALUE : liveLimit.maxPayload(topic);
  }

  boolean publishNow(String topic, byte[] payload, int qos) {
    MqttSession session = live;
    if (session == null) {
      return false;
    }
    PacketLimit limit = liveLimit;
    if (!limit.fits(topic, payload.length)) {
      // the broker would drop the connection, and every reading with it
      LOG.warn(
          "Not sent on {}: {} bytes, over the broker's limit of {} a packet",
          topic,
          payload.length,
          limit);
      return false;
    }
    try {
      session.publish(topic, payload, qos, new Logged(topic));
      return true;
    } catch (SessionException e) {
      LOG.warn("Not sent on {}: {}", topic, e.getMessage());
      return false;
    }
  }

  /** BIRTH ({@code birth}) or APPS, sent once after the announce delay; BIRTH wins over APPS. */
  synchronized void announce(boolean birth) {
    if (birth) {
      pendingBirth = true;
    } else {
      pendingApps = true;
    }
    if (!scheduled) {
      scheduled = true;
      try {
        announcer.schedule(this::send, announceDelay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled = false; // closed: the uplink is going away
      }
    }
  }

  private void send() {
    boolean birth;
    synchronized (this) {
      birth = pendingBirth;
      boolean any = pendingBirth || pendingApps;
      pendingBirth = false;
      pendingApps = false;
      scheduled = false;
      if (!any) {
        return;
      }
    }
    if (live == null) {
      return; // the next connection's BIRTH says it all
    }
    try {
      PacketLimit limit = liveLimit;
      Optional<Lifecycle.Message> m = birth ? lifecycle.birth(limit) : lifecycle.apps(limit);
      if (m.isEmpty()) {
        LOG.warn(
            "{} not sent: larger than the broker's limit of {}", birth ? "BIRTH" : "APPS", limit);
        return;
      }
      publishNow(m.get().topic(), m.get().payload(), 1);
    } catch (RuntimeException e) {
      LOG.warn("Announcement not sent: {}", e.toString());
    }
  }

  @Override
  public void close() {
    announcer.shutdownNow();
  }

  /** Answers and announcements are best effort: a failure is logged, nothing is retried. */
  private record Logged(String topic) implements DeliveryListener {
    @Override
    public void delivered() {}

    @Override
    public void refused(int reasonCode, String reason) {
      LOG.warn("Broker refused the message on {}: {}", topic, reason);
    }

    @Override
    public void lost(String reason) {
      LOG.info("Message on {} not delivered: {}", topic, reason);
    }
  }
}
