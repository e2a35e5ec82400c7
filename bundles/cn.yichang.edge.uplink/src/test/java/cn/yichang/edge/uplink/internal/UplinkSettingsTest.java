package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.uplink.session.PahoSessionFactory.Protocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UplinkSettingsTest {

  private final TestConfig config = new TestConfig();

  @Test
  void theDefaultsOfTheSiteFile() {
    UplinkSettings s = UplinkSettings.from(config);
    assertThat(s.tls()).isTrue();
    assertThat(s.protocol()).isEqualTo(Protocol.MQTT5);
    assertThat(s.protocolName()).isEqualTo("mqtt5");
    assertThat(s.appId()).isEqualTo("sensors");
    assertThat(s.inFlight()).isEqualTo(1000);
    assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.reconnectMin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.reconnectMax()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void plaintextIsAStartupErrorThatSaysHowToAllowIt() {
    config.url = "tcp://broker.example:1883";
    assertThatThrownBy(() -> UplinkSettings.from(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tcp://broker.example:1883")
        .hasMessageContaining("plaintext")
        .hasMessageContaining("allow.plaintext=true")
        .hasMessageContaining("allow-plaintext: true");
    config.allowPlaintext = true;
    assertThat(UplinkSettings.from(config).tls()).isFalse();
  }

  @Test
  void mqtt3IsTheOtherProtocol() {
    config.protocol = "MQTT3";
    assertThat(UplinkSettings.from(config).protocol()).isEqualTo(Protocol.MQTT3);
    config.protocol = "mqtt4";
    assertThatThrownBy(() -> UplinkSettings.from(config))
        .hasMessage("uplink protocol \"mqtt4\": expected mqtt5, mqtt3 or auto");
    config.protocol = "auto";
    assertThat(UplinkSettings.from(config).protocol()).isEqualTo(Protocol.AUTO);
  }

  @Test
  void eachProblemNamesItsKey() {
    assertProblem(c -> c.url = "", "uplink url is missing");
    assertProblem(c -> c.url = "ssl://broker.example", "expected ssl://HOST:PORT");
    assertProblem(c -> c.url = "ssl://broker.example:8883/path", "expected ssl://HOST:PORT");
    assertProblem(c -> c.url = "ws://broker.example:80", "scheme ws is not supported");
    assertProblem(c -> c.account = " ", "uplink account is missing");
    assertProblem(c -> c.clientId = null, "uplink client.id is missing");
    assertProblem(c -> c.inFlight = 0, "uplink in.flight is 0; expected 1 to 65535");
    assertProblem(c -> c.reconnectMinMs = 0, "uplink reconnect.min.ms is 0; expected 1 or more");
    assertProblem(
        c -> c.reconnectMaxMs = 10, "uplink reconnect.max.ms is 10; expected 1000 or more");
    assertProblem(c -> c.connectTimeoutS = 0, "uplink connect.timeout.s is 0");
  }

  @Test
  void aMissingKeyIsTheKeyRefusedNotTheProtocol() {
    TestConfig c = new TestConfig();
    c.account = "";
    assertThatThrownBy(() -> UplinkSettings.from(c))
        .isInstanceOfSatisfying(BadSetting.class, e -> assertThat(e.key()).isEqualTo("account"));
  }

  private void assertProblem(java.util.function.Consumer<TestConfig> change, String message) {
    TestConfig c = new TestConfig();
    change.accept(c);
    assertThatThrownBy(() -> UplinkSettings.from(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
