package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.session.DeliveryListener;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.ServerLimits;
import cn.yichang.edge.uplink.session.SessionException;
import cn.yichang.edge.uplink.session.SessionFactory;
import cn.yichang.edge.uplink.session.SessionListener;
import cn.yichang.edge.uplink.session.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Sessions that talk to nobody: each publish is recorded and, unless the test holds it, answered on
 * a separate callback thread as Paho would, with a PUBACK or the reason code the test chose.
 */
final class FakeBroker implements SessionFactory, AutoCloseable {

  /** One message as the session received it. */
  record Published(int session, String topic, byte[] payload, int qos, DeliveryListener listener) {}

  private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
  private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
  private final List<Published> published = new CopyOnWriteArrayList<>();
  private final List<Published> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectAttempts = new AtomicInteger();

  volatile String refuseConnections;
  volatile int receiveMaximum = Integer.MAX_VALUE;

  /** Announced in CONNACK when {@link #announceMaximumPacketSize}; enforced either way. */
  volatile long maximumPacketSize = ServerLimits.MQTT_MAXIMUM_PACKET_SIZE;

  volatile boolean announceMaximumPacketSize = true;

  /** Drops each connection as soon as BIRTH has been acknowledged. */
  volatile boolean dropAfterBirth;

  private final List<Long> connectTimes = new CopyOnWriteArrayList<>();
  private final AtomicInteger oversized = new AtomicInteger();
  volatile Predicate<Published> answerAtOnce = p -> true;
  volatile ToIntFunction<Published> reasonCode = p -> 0;

  @Override
  public MqttSession open(SessionOptions options, SessionListener listener) {
    FakeSession session = new FakeSession(sessions.size() + 1, options, listener);
    sessions.add(session);
    return session;
  }

  List<Published> published() {
    return List.copyOf(published);
  }

  List<Published> publishedIn(int session) {
    return published.stream().filter(p -> p.session() == session).toList();
  }

  List<FakeSession> sessions() {
    return List.copyOf(sessions);
  }

  FakeSession current() {
    return sessions.get(sessions.size() - 1);
  }

  int connectAttempts() {
    return connectAttempts.get();
  }

  /** System.nanoTime() of each connect attempt. */
  List<Long> connectTimes() {
    return List.copyOf(connectTimes);
  }

  /** Packets larger than {@link #maximumPacketSize} that reached the broker. */
  int oversized() {
    return oversized.get();
  }

  /** An MQTT 5 PUBLISH's size on the wire, counted as the specification does. */
  static long packetSize(String topic, int payload, int qos) {
    long remaining =
        2 + topic.getBytes(StandardCharsets.UTF_8).length + (qos > 0 ? 2 : 0) + 1 + payload;
    int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
    return 1 + lengthBytes + remaining;
  }

  int held() {
    return held.size();
  }

  /** Answers the oldest {@code n} held messages, in order. */
  void release(int n) {
    List<Published> now = new ArrayList<>(held.subList(0, n));
    held.removeAll(now);
    now.forEach(this::answer);
  }

  /** The network goes away under the current session: every held message is lost. */
  void dropConnection(String reason) {
    FakeSession s = current();
    s.connected = false;
    List<Published> lost = new ArrayList<>(held);
    held.clear();
    callbacks.execute(
        () -> {
          lost.forEach(p -> p.listener().lost(reason));
          s.listener.connectionLost(reason);
        });
  }

  private void answer(Published p) {
    int code = reasonCode.applyAsInt(p);
    callbacks.execute(
        () -> {
          if (code >= 0x80) {
            p.listener().refused(code, "refused (0x" + Integer.toHexString(code) + ")");
          } else {
            p.listener().delivered();
          }
        });
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
  }

  final class FakeSession implements MqttSession {
    final int number;
    final SessionOptions options;
    final SessionListener listener;
    volatile boolean connected;
    volatile boolean disconnected;
    volatile boolean closed;
    final List<String> subscriptions = new CopyOnWriteArrayList<>();
    volatile boolean subscribedBeforePublishing;

    FakeSession(int number, SessionOptions options, SessionListener listener) {
      this.number = number;
      this.options = options;
      this.listener = listener;
    }

    @Override
    public ServerLimits connect() throws SessionException {
      connectAttempts.incrementAndGet();
      connectTimes.add(System.nanoTime());
      String refusal = refuseConnections;
      if (refusal != null) {
        throw new SessionException(refusal);
      }
      connected = true;
      return new ServerLimits(
          receiveMaximum,
          announceMaximumPacketSize ? maximumPacketSize : ServerLimits.MQTT_MAXIMUM_PACKET_SIZE);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, DeliveryListener delivery)
        throws SessionException {
      if (!connected) {
        throw new SessionException("Client is not connected (32104)");
      }
      Published p = new Published(number, topic, payload, qos, delivery);
      if (packetSize(topic, payload.length, qos) > maximumPacketSize) {
        // what Mosquitto does: DISCONNECT with "packet too large" and close
        oversized.incrementAndGet();
        connected = false;
        callbacks.execute(
            () -> listener.connectionLost("server sent DISCONNECT, packet too large (0x95)"));
        callbacks.execute(() -> delivery.lost("connection lost"));
        return;
      }
      published.add(p);
      if (dropAfterBirth && topic.endsWith("/MQTT/BIRTH")) {
        answer(p);
        FakeSession s = this;
        callbacks.execute(
            () -> {
              s.connected = false;
              listener.connectionLost("server closed the connection");
            });
        return;
      }
      if (answerAtOnce.test(p)) {
        answer(p);
      } else {
        held.add(p);
      }
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws SessionException {
      if (!connected) {
        throw new SessionException("Client is not connected (32104)");
      }
      subscriptions.add(topicFilter + " qos " + qos);
      subscribedBeforePublishing = publishedIn(number).isEmpty();
    }

    @Override
    public void disconnect(Duration quiesce) {
      connected = false;
      disconnected = true;
    }

    @Override
    public void close() {
      connected = false;
      closed = true;
    }
  }
}
