package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.uplink.UplinkStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The uplink's bookkeeping, updated from the connection loop and from Paho's callback thread. */
final class UplinkCounters {

  private final Clock clock;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong split = new AtomicLong();
  private volatile Instant connectedSince;
  private volatile LastError lastError;

  private record LastError(String text, Instant at) {}

  UplinkCounters(Clock clock) {
    this.clock = clock;
  }

  void onPublished() {
    published.incrementAndGet();
  }

  void onAcknowledged() {
    acknowledged.incrementAndGet();
  }

  void onFailed(String reason) {
    failed.incrementAndGet();
    onError(reason);
  }

  /** A message too large for the broker was cut into parts. */
  void onSplit() {
    split.incrementAndGet();
  }

  /** A message was set aside (the store counts it): the broker will never accept it. */
  void onSetAside(String reason) {
    onError(reason);
  }

  void onConnected() {
    connections.incrementAndGet();
    connectedSince = clock.instant();
  }

  void onDisconnected() {
    connectedSince = null;
  }

  void onError(String text) {
    lastError = new LastError(text, clock.instant());
  }

  UplinkStatus snapshot(String server, String protocol, int inFlight, StoreCounters store) {
    LastError e = lastError;
    return new UplinkStatus(
        server,
        protocol,
        connectedSince,
        published.get(),
        acknowledged.get(),
        failed.get(),
        Math.max(0, connections.get() - 1),
        inFlight,
        e == null ? null : e.text(),
        e == null ? null : e.at(),
        store == null ? -1 : store.buffered(),
        store == null ? -1 : store.evicted(),
        split.get(),
        store == null ? -1 : store.setAside());
  }
}
