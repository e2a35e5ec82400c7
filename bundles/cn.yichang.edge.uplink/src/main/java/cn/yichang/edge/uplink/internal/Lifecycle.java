package cn.yichang.edge.uplink.internal;

import java.util.Optional;

/**
 * The gateway's lifecycle messages: a will registered at connect, a BIRTH on every connection and a
 * DC before a clean disconnect. BIRTH and DC are made when sent, so that they are never stale.
 */
interface Lifecycle {

  record Message(String topic, byte[] payload) {}

  Message will();

  /**
   * BIRTH, cut down to what the broker takes.
   *
   * @return empty when not even its essentials fit in {@code limit}
   */
  Optional<Message> birth(PacketLimit limit);

  /** APPS: the BIRTH payload on {@code .../MQTT/APPS}, after the application ids changed. */
  Optional<Message> apps(PacketLimit limit);

  Message disconnect();
}
