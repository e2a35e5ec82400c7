package cn.yichang.edge.uplink.internal.session;

/** Paho's MQTT 5 or MQTT 3.1.1 asynchronous client, by the configured protocol. */
public final class PahoSessionFactory implements SessionFactory {

  public enum Protocol {
    MQTT5,
    MQTT3
  }

  private final Protocol protocol;

  public PahoSessionFactory(Protocol protocol) {
    this.protocol = protocol;
  }

  @Override
  public MqttSession open(SessionOptions options, SessionListener listener)
      throws SessionException {
    return switch (protocol) {
      case MQTT5 -> new Mqtt5Session(options, listener);
      case MQTT3 -> new Mqtt3Session(options, listener);
    };
  }
}
