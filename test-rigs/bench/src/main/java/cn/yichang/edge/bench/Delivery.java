package cn.yichang.edge.bench;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What reached the broker, checked against what the gateway logged as acquired: a reading set is
 * known by its device (the topic's last level) and its acquisition time in milliseconds (the
 * KuraPayload's timestamp); the sequence numbers ({@code edge.seq}) show gaps and duplicates.
 */
final class Delivery {

  private final List<ReceivedMessage> messages;
  private final List<String> missing;
  private final long distinctSeqs;
  private final long duplicates;
  private final long seqGaps;

  private Delivery(
      List<ReceivedMessage> messages,
      List<String> missing,
      long distinctSeqs,
      long duplicates,
      long seqGaps) {
    this.messages = messages;
    this.missing = missing;
    this.distinctSeqs = distinctSeqs;
    this.duplicates = duplicates;
    this.seqGaps = seqGaps;
  }

  /**
   * Waits up to {@code graceNanos} until every logged reading set has arrived, then tells what
   * arrived and what is missing.
   */
  static Delivery await(
      List<GatewayRun.Logged> logged, BrokerSubscriber subscriber, long graceNanos) {
    Set<String> expected = new LinkedHashSet<>();
    for (GatewayRun.Logged l : logged) {
      expected.add(key(l.device(), l.acquiredMillis()));
    }
    Set<String> arrived = new HashSet<>();
    TreeSet<Long> seqs = new TreeSet<>();
    long duplicates = 0;
    int decoded = 0;
    List<ReceivedMessage> messages = List.of();
    long deadline = System.nanoTime() + graceNanos;
    while (true) {
      messages = subscriber.messages();
      for (; decoded < messages.size(); decoded++) {
        ReceivedMessage m = messages.get(decoded);
        KuraPayload payload = KuraPayloadCodec.decode(m.payload());
        String device = m.topic().substring(m.topic().lastIndexOf('/') + 1);
        arrived.add(key(device, payload.timestamp().toEpochMilli()));
        Object seq = payload.metric("edge.seq").orElse(null);
        if (seq instanceof Long s && !seqs.add(s)) {
          duplicates++;
        }
      }
      if (arrived.containsAll(expected) || System.nanoTime() - deadline > 0) {
        break;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    List<String> missing = new ArrayList<>();
    for (String key : expected) {
      if (!arrived.contains(key)) {
        missing.add(key);
      }
    }
    long gaps = seqs.isEmpty() ? 0 : seqs.last() - seqs.first() + 1 - seqs.size();
    return new Delivery(messages, missing, seqs.size(), duplicates, gaps);
  }

  private static String key(String device, long millis) {
    return device + " at " + Instant.ofEpochMilli(millis);
  }

  /** Logged reading sets that did not arrive, as {@code DEVICE at TIME}. */
  List<String> missing() {
    return missing;
  }

  /** Messages the subscriber received within {@code [from, to)}. */
  long receivedBetween(Instant from, Instant to) {
    return messages.stream()
        .filter(m -> !m.receivedAt().isBefore(from) && m.receivedAt().isBefore(to))
        .count();
  }

  long received() {
    return messages.size();
  }

  long distinctSeqs() {
    return distinctSeqs;
  }

  long duplicates() {
    return duplicates;
  }

  long seqGaps() {
    return seqGaps;
  }
}
