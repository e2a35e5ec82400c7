package cn.yichang.edge.uplink.session;

import cn.yichang.edge.uplink.session.PahoSessionFactory.Protocol;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code protocol: auto}: the first connection tries MQTT 5, and MQTT 3.1.1 when the broker refuses
 * MQTT 5 itself (closes the connection on the CONNECT, as RabbitMQ 3.10 does, or answers
 * "unsupported protocol version"); the first protocol that connects is kept for every later
 * connection of this factory, that is of this run of the uplink component.
 *
 * <p>A bare close on the CONNECT is also what a broker going down does, and MQTT 3.1.1 kept for the
 * run would never read an MQTT 5 broker's packet limit: after a bare close MQTT 3.1.1 is kept only
 * when it happened on {@value #BARE_CLOSES_TO_KEEP_MQTT3} connections; an explicit "unsupported
 * protocol version" is enough at once.
 *
 * <p>The choice is not written down across restarts: a broker is upgraded to MQTT 5 (RabbitMQ 3.13)
 * without the gateway being told, and finding out again costs one refused CONNECT per start, while
 * a stored choice would need a file of state tied to the url for no gain.
 */
final class ProtocolFallback {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolFallback.class);
  private static final int BARE_CLOSES_TO_KEEP_MQTT3 = 2;

  private final SessionFactory mqtt5;
  private final SessionFactory mqtt3;
  private volatile Protocol chosen;
  private volatile Protocol lastConnected;
  private final AtomicInteger bareCloses = new AtomicInteger();

  ProtocolFallback() {
    this(Mqtt5Session::new, Mqtt3Session::new);
  }

  ProtocolFallback(SessionFactory mqtt5, SessionFactory mqtt3) {
    this.mqtt5 = mqtt5;
    this.mqtt3 = mqtt3;
  }

  MqttSession open(SessionOptions options, SessionListener listener) throws SessionException {
    Protocol protocol = chosen;
    if (protocol == Protocol.MQTT5) {
      return mqtt5.open(options, listener);
    }
    if (protocol == Protocol.MQTT3) {
      return mqtt3.open(options, listener);
    }
    return new Probe(options, listener);
  }

  /**
   * The protocol of the newest connection, {@code mqtt5} or {@code mqtt3}; {@code auto} before the
   * first.
   */
  String inUse() {
    Protocol protocol = lastConnected;
    return protocol == null ? Protocol.AUTO.key() : protocol.key();
  }

  /** The protocol kept for the run, {@code null} while it is still being found out. */
  Protocol chosen() {
    return chosen;
  }

  private void choose(Protocol protocol, String serverUri, String why) {
    lastConnected = protocol;
    if (chosen == null) {
      chosen = protocol;
      LOG.info("Uplink: {} speaks {}{}; keeping it for this run", serverUri, protocol.key(), why);
    }
  }

  /** A session that finds the protocol in its {@link #connect()}. */
  private final class Probe implements MqttSession {
    private final SessionOptions options;
    private final SessionListener listener;
    private MqttSession current;

    Probe(SessionOptions options, SessionListener listener) {
      this.options = options;
      this.listener = listener;
    }

    @Override
    public ServerLimits connect() throws SessionException {
      HeldLosses held = new HeldLosses(listener);
      current = mqtt5.open(options, held);
      SessionException refusal;
      try {
        ServerLimits limits = current.connect();
        choose(Protocol.MQTT5, options.serverUri(), "");
        held.release();
        return limits;
      } catch (SessionException e) {
        if (!ConnectFailures.refusesMqtt5(e)) {
          throw e;
        }
        refusal = e;
      }
      current.close();
      LOG.info(
          "Uplink: {} refused MQTT 5 ({}); trying MQTT 3.1.1",
          options.serverUri(),
          refusal.getMessage());
      current = mqtt3.open(options, listener);
      try {
        ServerLimits limits = current.connect();
        if (ConnectFailures.kind(refusal) == ConnectFailures.Kind.PROTOCOL_REFUSED
            || bareCloses.incrementAndGet() >= BARE_CLOSES_TO_KEEP_MQTT3) {
          choose(Protocol.MQTT3, options.serverUri(), " (it refused MQTT 5)");
        } else {
          lastConnected = Protocol.MQTT3;
          LOG.info(
              "Uplink: {} took MQTT 3.1.1 after closing on MQTT 5; MQTT 5 is tried again at the"
                  + " next connection, in case the broker was only going down",
              options.serverUri());
        }
        return limits;
      } catch (SessionException e) {
        throw new SessionException(
            "MQTT 5: " + refusal.getMessage() + "; MQTT 3.1.1: " + e.getMessage(), e);
      }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, DeliveryListener delivery)
        throws SessionException {
      session().publish(topic, payload, qos, delivery);
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws SessionException {
      session().subscribe(topicFilter, qos);
    }

    @Override
    public void disconnect(Duration quiesce) {
      if (current != null) {
        current.disconnect(quiesce);
      }
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
      }
    }

    private MqttSession session() throws SessionException {
      if (current == null) {
        throw new SessionException("not connected");
      }
      return current;
    }
  }

  /**
   * Passes arrivals on at once and a loss only once the MQTT 5 attempt connected: a refused attempt
   * is not a lost connection, and must not mark the 3.1.1 connection that follows as lost.
   */
  private static final class HeldLosses implements SessionListener {
    private final SessionListener listener;
    private String heldReason;
    private boolean released;

    HeldLosses(SessionListener listener) {
      this.listener = listener;
    }

    @Override
    public void connectionLost(String reason) {
      synchronized (this) {
        if (!released) {
          heldReason = heldReason == null ? reason : heldReason;
          return;
        }
      }
      listener.connectionLost(reason);
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
      listener.messageArrived(topic, payload);
    }

    void release() {
      String reason;
      synchronized (this) {
        released = true;
        reason = heldReason;
      }
      if (reason != null) {
        listener.connectionLost(reason);
      }
    }
  }
}
