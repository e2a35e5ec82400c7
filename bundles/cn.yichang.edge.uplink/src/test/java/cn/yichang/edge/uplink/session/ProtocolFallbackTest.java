package cn.yichang.edge.uplink.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code protocol: auto}: which refusals of MQTT 5 make MQTT 3.1.1 the choice for the run. */
class ProtocolFallbackTest {
  private static final SessionOptions OPTIONS =
      new SessionOptions(
          "tcp://broker:1883",
          "gw-1",
          null,
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          1,
          null);
  private static final SessionListener NOBODY =
      new SessionListener() {
        @Override
        public void connectionLost(String reason) {}

        @Override
        public void messageArrived(String topic, byte[] payload) {}
      };

  private final List<String> attempts = new ArrayList<>();

  @Test
  void anExplicitUnsupportedProtocolVersionKeepsMqtt3AtOnce() throws Exception {
    ProtocolFallback fallback =
        new ProtocolFallback(refusing(mqtt5Refusal(0x84)), accepting("mqtt3"));

    fallback.open(OPTIONS, NOBODY).connect();
    fallback.open(OPTIONS, NOBODY).connect();

    assertThat(fallback.chosen()).isEqualTo(PahoSessionFactory.Protocol.MQTT3);
    assertThat(attempts).containsExactly("mqtt5", "mqtt3", "mqtt3");
  }

  @Test
  void oneBareCloseOnTheConnectDoesNotDecideABrokerGoingDownMightDoThat() throws Exception {
    ProtocolFallback fallback =
        new ProtocolFallback(refusing(mqtt5Refusal(32109)), accepting("mqtt3"));

    assertThat(fallback.inUse()).isEqualTo("auto");
    fallback.open(OPTIONS, NOBODY).connect();
    assertThat(fallback.inUse()).isEqualTo("mqtt3");
    assertThat(fallback.chosen()).isNull();
    fallback.open(OPTIONS, NOBODY).connect();
    assertThat(fallback.chosen()).isEqualTo(PahoSessionFactory.Protocol.MQTT3);
    fallback.open(OPTIONS, NOBODY).connect();

    assertThat(attempts).containsExactly("mqtt5", "mqtt3", "mqtt5", "mqtt3", "mqtt3");
  }

  @Test
  void mqtt5ThatConnectsAfterABareCloseIsKept() throws Exception {
    List<SessionException> mqtt5Answers = new ArrayList<>(List.of(mqtt5Refusal(32109)));
    SessionFactory mqtt5 =
        (options, listener) ->
            session("mqtt5", mqtt5Answers.isEmpty() ? null : mqtt5Answers.remove(0));
    ProtocolFallback fallback = new ProtocolFallback(mqtt5, accepting("mqtt3"));

    fallback.open(OPTIONS, NOBODY).connect();
    fallback.open(OPTIONS, NOBODY).connect();
    fallback.open(OPTIONS, NOBODY).connect();

    assertThat(fallback.chosen()).isEqualTo(PahoSessionFactory.Protocol.MQTT5);
    assertThat(fallback.inUse()).isEqualTo("mqtt5");
    assertThat(attempts).containsExactly("mqtt5", "mqtt3", "mqtt5", "mqtt5");
  }

  private static SessionException mqtt5Refusal(int reasonCode) {
    return new SessionException(
        "refused", new org.eclipse.paho.mqttv5.common.MqttException(reasonCode));
  }

  private SessionFactory refusing(SessionException failure) {
    return (options, listener) -> session("mqtt5", failure);
  }

  private SessionFactory accepting(String name) {
    return (options, listener) -> session(name, null);
  }

  private MqttSession session(String name, SessionException failure) {
    return new MqttSession() {
      @Override
      public ServerLimits connect() throws SessionException {
        attempts.add(name);
        if (failure != null) {
          throw failure;
        }
        return ServerLimits.NONE;
      }

      @Override
      public void publish(String topic, byte[] payload, int qos, DeliveryListener listener) {}

      @Override
      public void subscribe(String topicFilter, int qos) {}

      @Override
      public void disconnect(Duration quiesce) {}

      @Override
      public void close() {}
    };
  }
}
