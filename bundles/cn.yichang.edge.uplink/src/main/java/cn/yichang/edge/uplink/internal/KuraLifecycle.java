package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.BufferFacts;
import cn.yichang.edge.kura.GatewayDescription;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.kura.KuraTopics;
import cn.yichang.edge.kura.LifecyclePayloads;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoreHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kura's lifecycle on {@code $EDC/<account>/<client-id>/MQTT/...}: LWT, BIRTH and DC, described
 * afresh each time so that uptime, addresses and memory are current. BIRTH and APPS carry the
 * store's history (losses since the buffer was created, an unclean stop before this run), read at
 * each one: BIRTH is sent on every connection, so each tells the platform what is known then.
 */
final class KuraLifecycle implements Lifecycle {

  private final String account;
  private final String clientId;
  private final Supplier<GatewayDescription> gateway;
  private final Supplier<Duration> uptime;
  private final MessageStore store;
  private final Clock clock;

  KuraLifecycle(
      String account,
      String clientId,
      Supplier<GatewayDescription> gateway,
      Supplier<Duration> uptime,
      MessageStore store,
      Clock clock) {
    this.account = account;
    this.clientId = clientId;
    this.gateway = gateway;
    this.uptime = uptime;
    this.store = store;
    this.clock = clock;
  }

  /** The store's history as BIRTH states it. */
  static BufferFacts facts(StoreHistory history) {
    return new BufferFacts(
        history.lost(),
        history.evicted(),
        history.setAside(),
        history.uncleanStop(),
        history.lastCommit());
  }

  @Override
  public Message will() {
    return new Message(
        KuraTopics.lwt(account, clientId),
        KuraPayloadCodec.encodeForWire(LifecyclePayloads.lwt(gateway.get(), clock.instant())));
  }

  @Override
  public Optional<Message> birth(PacketLimit limit) {
    return fitted(
        KuraTopics.birth(account, clientId),
        LifecyclePayloads.birth(
            gateway.get(), uptime.get(), clock.instant(), facts(store.history())),
        limit);
  }

  @Override
  public Optional<Message> apps(PacketLimit limit) {
    return fitted(
        KuraTopics.apps(account, clientId),
        LifecyclePayloads.apps(
            gateway.get(), uptime.get(), clock.instant(), facts(store.history())),
        limit);
  }

  private static Optional<Message> fitted(String topic, KuraPayload payload, PacketLimit limit) {
    return LifecyclePayloads.within(payload, limit.maxPayload(topic))
        .map(p -> new Message(topic, KuraPayloadCodec.encodeForWire(p)));
  }

  @Override
  public Message disconnect() {
    Instant now = clock.instant();
    return new Message(
        KuraTopics.dc(account, clientId),
        KuraPayloadCodec.encodeForWire(LifecyclePayloads.dc(gateway.get(), uptime.get(), now)));
  }
}
