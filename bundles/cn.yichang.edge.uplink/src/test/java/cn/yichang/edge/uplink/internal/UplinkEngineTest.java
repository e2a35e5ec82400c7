package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.uplink.UplinkStatus;
import cn.yichang.edge.uplink.internal.FakeBroker.Published;
import cn.yichang.edge.uplink.session.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UplinkEngineTest {

  static final String BIRTH = "$EDC/acct/gw-1/MQTT/BIRTH";
  static final String DC = "$EDC/acct/gw-1/MQTT/DC";
  static final String APPS = "$EDC/acct/gw-1/MQTT/APPS";
  static final String CONTROL = "$EDC/acct/gw-1/#";
  static final Duration WAIT = Duration.ofSeconds(5);
  static final Duration ANNOUNCE_DELAY = Duration.ofMillis(300);

  private final FakeMessageStore store = new FakeMessageStore();
  private final FakeBroker broker = new FakeBroker();
  private final ControlLink control = new ControlLink(new TestLifecycle(), ANNOUNCE_DELAY);
  private UplinkEngine engine;

  @AfterEach
  void stop() throws InterruptedException {
    if (engine != null) {
      engine.stop();
    }
    broker.close();
  }

  @Test
  void sendsBirthFirstThenEveryMessageInOrderWithItsSequenceNumber() {
    enqueue(50);
    start(1000);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    List<Published> sent = broker.published();
    assertThat(sent.get(0).topic()).isEqualTo(BIRTH);
    assertThat(sent.get(0).qos()).isEqualTo(1);
    assertThat(sent.subList(1, sent.size())).allMatch(p -> p.qos() == 1);
    assertThat(seqs(sent.subList(1, sent.size()))).containsExactlyElementsOf(range(1, 50));
    assertThat(KuraPayloadCodec.decode(sent.get(1).payload()).metric("value")).contains(1L);
    UplinkStatus status = engine.status();
    assertThat(status.published()).isEqualTo(50);
    assertThat(status.acknowledged()).isEqualTo(50);
    assertThat(status.failed()).isZero();
    assertThat(status.connected()).isTrue();
    assertThat(status.reconnects()).isZero();
    assertThat(status.lastError()).isNull();
  }

  @Test
  void aRowLeavesTheStoreOnlyWhenTheBrokerAcknowledgedItsMessage() {
    broker.answerAtOnce = p -> p.topic().equals(BIRTH);
    enqueue(5);
    start(1000);

    await().atMost(WAIT).until(() -> broker.held() == 5);
    assertThat(store.acknowledgedIds()).isEmpty();
    broker.release(2);
    await().atMost(WAIT).until(() -> store.acknowledgedIds().size() == 2);
    assertThat(store.acknowledgedIds()).containsExactly(1L, 2L);
    assertThat(store.buffered()).isEqualTo(3);
    assertThat(engine.status().inFlight()).isEqualTo(3);
  }

  @Test
  void neverHasMoreInFlightThanTheWindow() {
    broker.answerAtOnce = p -> p.topic().equals(BIRTH);
    enqueue(10);
    start(3);

    await().atMost(WAIT).until(() -> broker.held() == 3);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> broker.held() == 3);
    broker.release(1);
    await().atMost(WAIT).until(() -> broker.published().size() == 1 + 4);
    assertThat(broker.held()).isEqualTo(3);
  }

  @Test
  void anAlarmWaitsBehindAtMostTwoBatchesNotAWholeLargeWindow() {
    broker.answerAtOnce = p -> p.topic().equals(BIRTH);
    enqueue(1000);
    start(300);

    // 300 in flight; the drainer holds the rest of its third batch, TakeAhead a fourth one
    await().atMost(WAIT).until(() -> broker.held() == 300);
    await().atMost(WAIT).until(() -> store.takeCount() == 4 * Drainer.MAX_BATCH);
    int before = broker.published().size();
    store.enqueue(
        new OutboundMessage(
            "acct/gw-1/sensors/sos", Priority.ALARM, new byte[] {1}, Instant.now()));
    broker.answerAtOnce = p -> true;
    broker.release(300);

    await()
        .atMost(WAIT)
        .until(() -> broker.published().stream().anyMatch(p -> p.topic().endsWith("/sos")));
    List<Published> sent = broker.published();
    int alarmAt = 0;
    while (!sent.get(alarmAt).topic().endsWith("/sos")) {
      alarmAt++;
    }
    // with batches of a whole window it was up to two windows (600) of readings
    assertThat(alarmAt - before).isLessThanOrEqualTo(2 * Drainer.MAX_BATCH);
  }

  @Test
  void theServersReceiveMaximumCapsTheWindow() {
    broker.receiveMaximum = 2;
    broker.answerAtOnce = p -> p.topic().equals(BIRTH);
    enqueue(10);
    start(1000);

    await().atMost(WAIT).until(() -> broker.held() == 2);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> broker.held() == 2);
  }

  @Test
  void aRefusedMessageKeepsItsRowIsCountedAndIsNotRetriedUntilTheNextConnection() {
    broker.reasonCode = p -> seqOf(p) == 3 ? 0x97 : 0; // quota exceeded: may pass later
    enqueue(5);
    start(1000);

    await().atMost(WAIT).until(() -> store.acknowledgedIds().size() == 4);
    assertThat(store.acknowledgedIds()).doesNotContain(3L);
    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(() -> broker.published().stream().filter(p -> seqOf(p) == 3).count() == 1);
    UplinkStatus status = engine.status();
    assertThat(status.failed()).isEqualTo(1);
    assertThat(status.lastError()).contains("broker refused seq 3", "0x97");

    broker.reasonCode = p -> 0;
    broker.dropConnection("network down");
    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(seqs(broker.publishedIn(2))).containsExactly(-1L, 3L); // BIRTH, then the row
  }

  @Test
  void afterAConnectionLossItRewindsReconnectsSendsBirthAndResumesInOrder() {
    broker.answerAtOnce = p -> p.topic().equals(BIRTH);
    enqueue(10);
    start(4);

    await().atMost(WAIT).until(() -> broker.held() == 4);
    broker.release(2);
    await().atMost(WAIT).until(() -> store.acknowledgedIds().size() == 2);
    await().atMost(WAIT).until(() -> broker.held() == 4); // seq 3..6
    broker.answerAtOnce = p -> true;
    broker.dropConnection("Connection lost (32109)");

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    List<Published> second = broker.publishedIn(2);
    assertThat(second.get(0).topic()).isEqualTo(BIRTH);
    assertThat(seqs(second.subList(1, second.size()))).containsExactlyElementsOf(range(3, 10));
    assertThat(store.rewinds()).isGreaterThanOrEqualTo(1);
    UplinkStatus status = engine.status();
    assertThat(status.reconnects()).isEqualTo(1);
    assertThat(status.connected()).isTrue();
    assertThat(status.acknowledged()).isEqualTo(10);
    assertThat(status.failed()).isEqualTo(4); // the four in flight when the network went
    assertThat(status.lastError()).contains("Connection lost (32109)");
  }

  @Test
  void aRefusedConnectionIsReportedAndRetriedWithBackoff() {
    broker.refuseConnections = "Not authorized to connect (5)";
    enqueue(3);
    start(1000);

    await().atMost(WAIT).until(() -> broker.connectAttempts() >= 3);
    UplinkStatus status = engine.status();
    assertThat(status.connected()).isFalse();
    assertThat(status.lastError())
        .isEqualTo("Uplink cannot connect to tcp://fake:1883: Not authorized to connect (5)");
    assertThat(status.lastErrorAt()).isNotNull();

    broker.refuseConnections = null;
    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(engine.status().connected()).isTrue();
  }

  @Test
  void stopSendsDcAtQos0AndDisconnects() throws InterruptedException {
    start(1000);
    await().atMost(WAIT).until(() -> engine.status().connected());

    long before = System.nanoTime();
    engine.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    List<Published> sent = broker.published();
    Published last = sent.get(sent.size() - 1);
    assertThat(last.topic()).isEqualTo(DC);
    assertThat(last.qos()).isZero();
    assertThat(broker.current().disconnected).isTrue();
    assertThat(broker.current().closed).isTrue();
    assertThat(broker.current().options.will().topic()).isEqualTo("$EDC/acct/gw-1/MQTT/LWT");
    assertThat(engine.status().connected()).isFalse();
    engine = null;
  }

  @Test
  void stopWhileTheBrokerIsAwayReturnsAtOnce() throws InterruptedException {
    broker.refuseConnections = "Connection refused";
    start(1000);
    await().atMost(WAIT).until(() -> broker.connectAttempts() >= 1);

    long before = System.nanoTime();
    engine.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    assertThat(broker.published()).isEmpty();
    engine = null;
  }

  @Test
  void subscribesToTheControlTopicsBeforeBirthAndHandsArrivalsToTheReceiver() {
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    control.receive((topic, payload) -> received.add(topic + " " + new String(payload)));
    start(10);

    await().atMost(WAIT).until(() -> !broker.published().isEmpty());
    assertThat(broker.current().subscriptions).containsExactly(CONTROL + " qos 1");
    assertThat(broker.current().subscribedBeforePublishing).isTrue();
    broker.current().listener.messageArrived("$EDC/acct/gw-1/CONF-V1/GET/x", bytes("req"));
    assertThat(received).containsExactly("$EDC/acct/gw-1/CONF-V1/GET/x req");
  }

  @Test
  void aFailingReceiverDoesNotReachTheClientThread() {
    control.receive(
        (topic, payload) -> {
          throw new IllegalStateException("boom");
        });
    start(10);
    await().atMost(WAIT).until(() -> !broker.published().isEmpty());

    broker.current().listener.messageArrived("$EDC/acct/gw-1/X/GET", new byte[0]);
    assertThat(engine.status().connected()).isTrue();
  }

  @Test
  void aClosedReceiverGetsNothingMore() throws Exception {
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    AutoCloseable registration = control.receive((topic, payload) -> received.add(topic));
    start(10);
    await().atMost(WAIT).until(() -> !broker.published().isEmpty());
    registration.close();

    broker.current().listener.messageArrived("$EDC/acct/gw-1/X/GET", new byte[0]);
    assertThat(received).isEmpty();
  }

  @Test
  void publishesNowOnlyWhileConnected() {
    assertThat(control.publishNow("$EDC/acct/req/X/REPLY/1", bytes("r0"), 0)).isFalse();
    start(10);
    await().atMost(WAIT).until(() -> engine.status().connected());
    await().atMost(WAIT).until(() -> control.publishNow("$EDC/acct/req/X/REPLY/1", bytes("r"), 0));

    assertThat(broker.published())
        .filteredOn(p -> p.topic().equals("$EDC/acct/req/X/REPLY/1"))
        .extracting(Published::qos)
        .containsExactly(0);
  }

  @Test
  void announcementsCloseTogetherSendOneBirthAndBirthWinsOverApps() {
    start(10);
    await().atMost(WAIT).until(() -> control.publishNow("$EDC/acct/gw-1/PING", bytes("p"), 0));

    control.announce(false);
    control.announce(true);
    control.announce(false);
    await().atMost(WAIT).until(() -> lifecycleTopics().size() == 2);
    control.announce(false);
    await().atMost(WAIT).until(() -> lifecycleTopics().size() == 3);

    assertThat(lifecycleTopics()).containsExactly(BIRTH, BIRTH, APPS);
  }

  private List<String> lifecycleTopics() {
    return broker.published().stream()
        .map(Published::topic)
        .filter(t -> t.equals(BIRTH) || t.equals(APPS))
        .toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private void start(int inFlight) {
    SessionOptions options =
        new SessionOptions(
            "tcp://fake:1883",
            "gw-1",
            null,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            inFlight,
            null);
    engine =
        new UplinkEngine(
            broker,
            options,
            0,
            () -> "mqtt5",
            store,
            new KuraWireFormat(),
            new TestLifecycle(),
            new ReconnectPolicy(
                Duration.ofMillis(10), Duration.ofMillis(40), new SplittableRandom(1)),
            new UplinkCounters(Clock.systemUTC()),
            e -> e.getMessage(),
            control,
            CONTROL);
    engine.start();
  }

  private void enqueue(int n) {
    for (int i = 1; i <= n; i++) {
      byte[] payload =
          KuraPayloadCodec.encode(
              KuraPayload.of(Instant.now(), List.of(new KuraMetric("value", (long) i))));
      store.enqueue(
          new OutboundMessage("acct/gw-1/sensors/dev", Priority.TELEMETRY, payload, Instant.now()));
    }
  }

  static long seqOf(Published p) {
    return p.topic().startsWith("$EDC")
        ? -1
        : (Long) KuraPayloadCodec.decode(p.payload()).metric("edge.seq").orElseThrow();
  }

  static List<Long> seqs(List<Published> published) {
    return published.stream().map(UplinkEngineTest::seqOf).toList();
  }

  /** Hex digits at random: text that gzip can shrink by half at most. */
  static String noise(int length) {
    StringBuilder out = new StringBuilder();
    new SplittableRandom(length)
        .ints(length, 0, 16)
        .forEach(d -> out.append(Integer.toHexString(d)));
    return out.toString();
  }

  static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** Lifecycle messages with recognisable topics and plain-text payloads. */
  static final class TestLifecycle implements Lifecycle {
    @Override
    public Message will() {
      return new Message("$EDC/acct/gw-1/MQTT/LWT", bytes("lwt"));
    }

    @Override
    public Optional<Message> birth(PacketLimit limit) {
      return fitting(new Message(BIRTH, bytes("birth")), limit);
    }

    @Override
    public Optional<Message> apps(PacketLimit limit) {
      return fitting(new Message(APPS, bytes("apps")), limit);
    }

    private static Optional<Message> fitting(Message m, PacketLimit limit) {
      return limit.fits(m.topic(), m.payload().length) ? Optional.of(m) : Optional.empty();
    }

    @Override
    public Message disconnect() {
      return new Message(DC, bytes("dc"));
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
