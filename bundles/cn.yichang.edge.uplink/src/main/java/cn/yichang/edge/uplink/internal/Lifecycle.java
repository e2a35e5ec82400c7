package cn.yichang.edge.uplink.internal;

/**
 * The gateway's lifecycle messages: a will registered at connect, a BIRTH on every connection and a
 * DC before a clean disconnect. BIRTH and DC are made when sent, so that they are never stale.
 */
interface Lifecycle {

  record Message(String topic, byte[] payload) {}

  Message will();

  Message birth();

  /** APPS: the BIRTH payload on {@code .../MQTT/APPS}, after the application ids changed. */
  Message apps();

  Message disconnect();
}
