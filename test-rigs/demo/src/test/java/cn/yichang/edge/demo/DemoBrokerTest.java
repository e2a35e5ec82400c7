package cn.yichang.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker carries the gateway's Kura messages to the platform subscriber. */
class DemoBrokerTest {

  @Test
  void subscriberDecodesDataAndSeesBirth(@TempDir Path dir) throws Exception {
    PlatformState state = new PlatformState();
    try (DemoBroker broker = DemoBroker.start(dir);
        PlatformSubscriber subscriber = PlatformSubscriber.connect(broker.url(), state)) {
      assertThat(broker.url()).startsWith("tcp://127.0.0.1:");
      MqttClient gateway = new MqttClient(broker.url(), "gateway", new MemoryPersistence());
      gateway.connect();
      String gw = DemoRig.ACCOUNT + "/" + DemoRig.GATEWAY_ID;
      gateway.publish("$EDC/" + gw + "/MQTT/BIRTH", new byte[] {0}, 1, false);
      KuraPayload reading =
          KuraPayload.of(
              Instant.parse("2026-11-29T02:41:07Z"),
              List.of(new KuraMetric("moisture", 31.2), new KuraMetric("edge.seq", 1L)));
      gateway.publish(
          gw + "/" + DemoRig.APP_ID + "/soil-01",
          KuraPayloadCodec.encodeForWire(reading),
          1,
          false);
      gateway.disconnect();
      gateway.close();

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> state.snapshot().devices().containsKey("soil-01"));
      PlatformState.Snapshot s = state.snapshot();
      assertThat(s.births()).isEqualTo(1);
      assertThat(s.devices().get("soil-01").points().get("moisture").value()).isEqualTo(31.2);
      assertThat(s.messages()).isEqualTo(1);
    }
  }

  @Test
  void listensOnLoopbackOnlyAndStopsListening(@TempDir Path dir) throws Exception {
    int port;
    try (DemoBroker broker = DemoBroker.start(dir)) {
      port = broker.port();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      }
    }
    try (Socket s = new Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.connect(new InetSocketAddress("127.0.0.1", port), 1000))
          .isInstanceOf(java.net.ConnectException.class);
    }
  }
}
