package cn.yichang.edge.uplink.session;

import java.util.Locale;

/**
 * Paho's MQTT 5 or MQTT 3.1.1 asynchronous client, by the configured protocol; {@code auto} lets a
 * {@link ProtocolFallback} find out which one the broker speaks.
 */
public final class PahoSessionFactory implements SessionFactory {

  public enum Protocol {
    MQTT5,
    MQTT3,
    AUTO;

    /** The name the site file and the status use: {@code mqtt5}, {@code mqtt3}, {@code auto}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Protocol protocol;
  private final ProtocolFallback fallback;

  public PahoSessionFactory(Protocol protocol) {
    this.protocol = protocol;
    this.fallback = protocol == Protocol.AUTO ? new ProtocolFallback() : null;
  }

  @Override
  public MqttSession open(SessionOptions options, SessionListener listener)
      throws SessionException {
    return switch (protocol) {
      case MQTT5 -> new Mqtt5Session(options, listener);
      case MQTT3 -> new Mqtt3Session(options, listener);
      case AUTO -> fallback.open(options, listener);
    };
  }

  /** The protocol of the last connection: for {@code auto}, what it found ({@code auto} before). */
  public String protocolInUse() {
    return fallback == null ? protocol.key() : fallback.inUse();
  }

  /**
   * The protocol every connection now starts with: the configured one, or for {@code auto} the one
   * kept for the run ({@code auto} while it is still being found out); what a failure is explained
   * under.
   */
  public String protocolAttempted() {
    if (fallback == null) {
      return protocol.key();
    }
    Protocol chosen = fallback.chosen();
    return chosen == null ? Protocol.AUTO.key() : chosen.key();
  }
}
