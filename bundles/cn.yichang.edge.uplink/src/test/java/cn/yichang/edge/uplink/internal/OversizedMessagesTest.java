package cn.yichang.edge.uplink.internal;

import static cn.yichang.edge.uplink.internal.UplinkEngineTest.BIRTH;
import static cn.yichang.edge.uplink.internal.UplinkEngineTest.CONTROL;
import static cn.yichang.edge.uplink.internal.UplinkEngineTest.WAIT;
import static cn.yichang.edge.uplink.internal.UplinkEngineTest.seqOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.uplink.internal.FakeBroker.Published;
import cn.yichang.edge.uplink.internal.UplinkEngineTest.TestLifecycle;
import cn.yichang.edge.uplink.session.SessionOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker with a packet limit (FakeBroker drops the connection on a larger packet, as Mosquitto
 * does): nothing larger is ever sent, large reading sets arrive whole in parts, what cannot be cut
 * or is refused for good is set aside, and no connection is lost over it.
 */
class OversizedMessagesTest {
  private static final String TOPIC = "acct/gw-1/sensors/big";
  private static final Instant ACQUIRED = Instant.parse("2026-12-07T08:00:00.250Z");

  private final FakeMessageStore store = new FakeMessageStore();
  private final FakeBroker broker = new FakeBroker();
  private final ControlLink control = new ControlLink(new TestLifecycle(), Duration.ofMillis(300));
  private final ReconnectPolicy policy =
      new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(40), new SplittableRandom(1));
  private UplinkEngine engine;

  @AfterEach
  void stop() throws InterruptedException {
    if (engine != null) {
      engine.stop();
    }
    broker.close();
  }

  @Test
  void aReadingSetLargerThanTheAnnouncedLimitArrivesWholeInPartsEachWithItsOwnSeq() {
    broker.maximumPacketSize = 400;
    List<KuraMetric> points = points(120);
    store.enqueue(message("small-1", points(2)));
    store.enqueue(message("big", points));
    store.enqueue(message("small-2", points(2)));
    start(0);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(broker.oversized()).isZero();
    assertThat(broker.connectAttempts()).isEqualTo(1);
    List<Published> data =
        broker.published().stream().filter(p -> p.topic().equals(TOPIC)).toList();
    List<KuraMetric> arrived = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    for (Published p : data) {
      KuraPayload payload = KuraPayloadCodec.decode(p.payload());
      assertThat(payload.timestamp()).isEqualTo(ACQUIRED);
      seqs.add(seqOf(p));
      payload.metrics().stream().filter(m -> m.name().startsWith("point_")).forEach(arrived::add);
    }
    assertThat(data.size()).isGreaterThan(3);
    assertThat(arrived).containsExactlyInAnyOrderElementsOf(points);
    assertThat(seqs).doesNotHaveDuplicates();
    // every seq from the first to the last was used once: the platform sees no gap
    List<Long> all =
        broker.published().stream()
            .filter(p -> !p.topic().startsWith("$EDC"))
            .map(UplinkEngineTest::seqOf)
            .sorted()
            .toList();
    assertThat(all).containsExactlyElementsOf(UplinkEngineTest.range(1, all.size()));
    assertThat(engine.status().split()).isEqualTo(1);
    assertThat(engine.status().setAside()).isZero();
  }

  @Test
  void maxMessageLimitsABrokerThatAnnouncesNothing() {
    broker.maximumPacketSize = 400;
    broker.announceMaximumPacketSize = false; // an MQTT 3.1.1 broker
    store.enqueue(message("big", points(120)));
    start(400);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(broker.oversized()).isZero();
    assertThat(broker.connectAttempts()).isEqualTo(1);
    assertThat(engine.status().split()).isEqualTo(1);
  }

  @Test
  void withoutALimitTheSameSetIsDroppedByTheBrokerAtEveryConnection() {
    // the defect this guards against: no limit known, and the queue is stuck behind one message
    broker.maximumPacketSize = 400;
    broker.announceMaximumPacketSize = false;
    store.enqueue(message("big", points(120)));
    start(0);

    await().atMost(WAIT).until(() -> broker.oversized() >= 3);
    assertThat(store.buffered()).isEqualTo(1);
  }

  @Test
  void aSetWithOnePointLargerThanTheLimitIsSetAsideAndTheOthersFlow() {
    broker.maximumPacketSize = 400;
    store.enqueue(message("small-1", points(2)));
    store.enqueue(
        message("gnss", List.of(new KuraMetric("sentence", UplinkEngineTest.noise(2000)))));
    store.enqueue(message("small-2", points(2)));
    start(0);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(store.setAsideRows()).containsOnlyKeys(2L);
    assertThat(store.setAsideRows().get(2L)).contains("over the broker's limit of 400 bytes");
    assertThat(broker.oversized()).isZero();
    assertThat(broker.connectAttempts()).isEqualTo(1);
    assertThat(engine.status().setAside()).isEqualTo(1);
    assertThat(engine.status().lastError()).contains("seq 2", "set aside");
  }

  @Test
  void aMessageRefusedForAReasonARetryDoesNotChangeIsSetAsideNotRetried() {
    broker.reasonCode = p -> p.topic().endsWith("/denied") ? 0x87 : 0; // not authorized
    store.enqueue(message("ok-1", points(2)));
    store.enqueue(
        new OutboundMessage(
            "acct/gw-1/sensors/denied", Priority.TELEMETRY, encode(points(2)), ACQUIRED));
    store.enqueue(message("ok-2", points(2)));
    start(0);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(store.setAsideRows()).containsOnlyKeys(2L);
    assertThat(store.setAsideRows().get(2L)).contains("the broker refused it", "(0x87)");

    broker.dropConnection("network down");
    await()
        .atMost(WAIT)
        .until(() -> broker.sessions().size() == 2 && broker.publishedIn(2).size() >= 1);
    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(
            () ->
                broker.published().stream().filter(p -> p.topic().endsWith("/denied")).count()
                    == 1);
  }

  @Test
  void aBirthThatCannotFitIsLeftOutAndDataStillFlows() {
    broker.maximumPacketSize = 36; // TestLifecycle's BIRTH takes 37
    store.enqueue(new OutboundMessage("a/b", Priority.TELEMETRY, new byte[] {8, 1}, ACQUIRED));
    start(0);

    await().atMost(WAIT).until(() -> store.buffered() == 0);
    assertThat(broker.published()).noneMatch(p -> p.topic().equals(BIRTH));
    assertThat(broker.oversized()).isZero();
    assertThat(engine.status().lastError()).contains("BIRTH not sent");
  }

  @Test
  void aBrokerThatDropsTheGatewayRightAfterBirthGetsAGrowingBackoffNotAStorm() {
    broker.dropAfterBirth = true;
    start(0);

    await().atMost(WAIT).until(() -> broker.connectAttempts() >= 5);
    assertThat(policy.failures()).isGreaterThanOrEqualTo(4);
    broker.dropAfterBirth = false;
  }

  @Test
  void aConnectionWhoseBirthWasRefusedNeverProvesItselfSoTheBackoffKeepsGrowing() {
    ReconnectPolicy provenAtOnce =
        new ReconnectPolicy(
            Duration.ofMillis(10), Duration.ofMillis(40), Duration.ZERO, new SplittableRandom(1));
    broker.reasonCode = p -> p.topic().equals(BIRTH) ? 0x87 : 0; // an ACL on BIRTH
    broker.dropAfterBirth = true;
    start(0, provenAtOnce);

    await().atMost(WAIT).until(() -> broker.connectAttempts() >= 5);
    assertThat(provenAtOnce.failures()).isGreaterThanOrEqualTo(4);
    broker.dropAfterBirth = false;
  }

  private void start(int maxMessage) {
    start(maxMessage, policy);
  }

  private void start(int maxMessage, ReconnectPolicy policy) {
    SessionOptions options =
        new SessionOptions(
            "tcp://fake:1883",
            "gw-1",
            null,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            20,
            null);
    engine =
        new UplinkEngine(
            broker,
            options,
            maxMessage,
            () -> "mqtt5",
            store,
            new KuraWireFormat(),
            new TestLifecycle(),
            policy,
            new UplinkCounters(Clock.systemUTC()),
            e -> e.getMessage(),
            control,
            CONTROL);
    engine.start();
  }

  private static OutboundMessage message(String name, List<KuraMetric> metrics) {
    String topic =
        name.startsWith("small") || name.startsWith("ok") ? "acct/gw-1/sensors/" + name : TOPIC;
    return new OutboundMessage(topic, Priority.TELEMETRY, encode(metrics), ACQUIRED);
  }

  private static byte[] encode(List<KuraMetric> metrics) {
    return KuraPayloadCodec.encode(KuraPayload.of(ACQUIRED, metrics));
  }

  /** Values that gzip cannot shrink much, so that the set really is large on the wire. */
  private static List<KuraMetric> points(int n) {
    SplittableRandom random = new SplittableRandom(n);
    List<KuraMetric> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new KuraMetric("point_" + i, random.nextDouble()));
    }
    return out;
  }
}
