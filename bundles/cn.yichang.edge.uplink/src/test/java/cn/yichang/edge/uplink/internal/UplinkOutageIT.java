package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker goes away for several seconds while readings keep coming, then comes back. */
class UplinkOutageIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final int IN_FLIGHT = 50;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"mqtt5", "mqtt3"})
  void everyReadingArrivesInOrderAndEveryRowIsAcknowledged(String protocol) throws Exception {
    assumeTrue(
        MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), "gw-out");
    String id = "gw-out-" + protocol;
    TestConfig config = Gateway.tlsConfig(null, pki, pki.gateway(), id, protocol);
    config.inFlight = IN_FLIGHT;
    try (MosquittoBroker broker =
            MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts());
        BrokerSubscriber data = BrokerSubscriber.connect(broker, pki, "yichang/" + id + "/#");
        BrokerSubscriber control =
            BrokerSubscriber.connect(broker, pki, "$EDC/yichang/" + id + "/MQTT/BIRTH")) {
      config.url = broker.tlsUrl();
      try (Gateway gateway = new Gateway(config)) {
        gateway.read(300);
        gateway.start();
        Set<Long> beforeOutage = Set.copyOf(seqs(data.awaitCount(300, WAIT)));

        // what the uplink says while the broker goes down and comes back, sampled
        Set<String> errors = ConcurrentHashMap.newKeySet();
        java.util.function.BooleanSupplier disconnected =
            () -> {
              String e = gateway.uplink().status().lastError();
              if (e != null) {
                errors.add(e);
              }
              return !gateway.uplink().status().connected();
            };
        broker.stop();
        gateway.read(300); // acquisition goes on during the outage
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(disconnected::getAsBoolean);
        // several seconds without a broker: the uplink tries again and again, backing off
        await()
            .during(Duration.ofSeconds(3))
            .pollInterval(Duration.ofMillis(20))
            .atMost(WAIT)
            .until(disconnected::getAsBoolean);
        assertThat(gateway.uplink().status().lastError()).contains("cannot connect");
        gateway.read(300);
        broker.start();
        data.awaitSubscribed(2, WAIT);

        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> !disconnected.getAsBoolean() && gateway.store.buffered() == 0);
        // a broker going down and coming back is no reason to suspect the gateway's certificate
        assertThat(errors).isNotEmpty().noneMatch(e -> e.contains("certificate"));
        // a message sent twice (its PUBACK lost in the outage) arrives twice: wait for all 900
        await().atMost(WAIT).until(() -> seqs(data).stream().distinct().count() == 900);

        List<Long> seqs = seqs(data);
        Set<Long> distinct = new LinkedHashSet<>(seqs);
        assertThat(distinct)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, 900).boxed().toList());
        // At the loss, up to a window was in flight and up to two windows taken but not yet
        // published (Drainer: the batch being published and the one TakeAhead holds ready); all
        // are taken again, only the first can have been sent twice ...
        Set<Long> resent = gateway.store.takenMoreThanOnce(); // the fake's ids are its seqs
        assertThat(resent).hasSizeLessThanOrEqualTo(3 * IN_FLIGHT);
        // ... and every other duplicate is the restarted broker redelivering to its persistent
        // subscriber what it had already delivered before the outage
        List<Long> duplicates =
            seqs.stream().filter(q -> seqs.indexOf(q) != seqs.lastIndexOf(q)).distinct().toList();
        assertThat(duplicates).allMatch(q -> resent.contains(q) || beforeOutage.contains(q));
        assertThat(gateway.store.acknowledgedIds()).hasSize(900);
        assertThat(gateway.uplink().status().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(control.awaitCount(2, WAIT)).hasSizeGreaterThanOrEqualTo(2); // BIRTH each time
      }
    }
  }

  static List<Long> seqs(BrokerSubscriber subscriber) {
    return seqs(subscriber.messages());
  }

  static List<Long> seqs(List<ReceivedMessage> messages) {
    return messages.stream().map(Gateway::seq).toList();
  }
}
