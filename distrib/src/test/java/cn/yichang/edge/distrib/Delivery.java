package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/** What the platform received, checked against what the gateway logged as acquired. */
final class Delivery {
  private final Map<Long, Instant> acquiredBySeq = new LinkedHashMap<>();
  private final List<Long> arrivalOrder = new ArrayList<>();

  Delivery(List<ReceivedMessage> messages) {
    for (ReceivedMessage m : messages) {
      KuraPayload p = PlatformRig.decode(m);
      long seq = (Long) p.metric("edge.seq").orElseThrow();
      if (acquiredBySeq.putIfAbsent(seq, p.timestamp()) == null) {
        arrivalOrder.add(seq);
      }
    }
  }

  /** Distinct sequence numbers form one run, and first arrived in order. */
  void assertNoGapAndInOrder() {
    assertThat(arrivalOrder).isSorted();
    long first = arrivalOrder.get(0);
    long last = arrivalOrder.get(arrivalOrder.size() - 1);
    assertThat(arrivalOrder).hasSize((int) (last - first + 1));
  }

  /** Every acquisition time in {@code logged} arrived (Kura timestamps are milliseconds). */
  void assertContainsAll(List<Instant> logged) {
    assertThat(acquiredBySeq.values()).containsAll(millis(logged));
  }

  /** Waits until every acquisition time in {@code logged} has arrived, then checks delivery. */
  static Delivery awaitAll(BrokerSubscriber subscriber, List<Instant> logged, Duration atMost) {
    List<Instant> wanted = millis(logged);
    try {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> new Delivery(subscriber.messages()).acquiredBySeq.values().containsAll(wanted));
    } catch (ConditionTimeoutException e) {
      // assertContainsAll says which ones are missing
    }
    Delivery delivery = new Delivery(subscriber.messages());
    delivery.assertContainsAll(logged);
    return delivery;
  }

  private static List<Instant> millis(List<Instant> times) {
    return times.stream().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).toList();
  }

  int distinct() {
    return acquiredBySeq.size();
  }
}
