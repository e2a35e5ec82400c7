package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.sim.broker.Credentials;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.time.Instant;
import java.util.List;
import org.osgi.service.cm.ConfigurationException;

/**
 * What the integration tests put in front of a real broker: the telemetry encoder and the uplink
 * component over one in-memory store, configured as the site provisioning would.
 */
final class Gateway implements AutoCloseable {

  final FakeMessageStore store = new FakeMessageStore();
  final TestConfig config;
  private TestTelemetry encoder;
  private UplinkComponent uplink;
  private int readings;

  Gateway(TestConfig config) {
    this.config = config;
  }

  /** A configuration for the broker's TLS listener, identified by {@code identity}. */
  static TestConfig tlsConfig(
      String url, PkiFiles pki, Credentials identity, String clientId, String protocol) {
    TestConfig c = new TestConfig();
    c.url = url;
    c.protocol = protocol;
    c.tlsCa = pki.caCert().toString();
    c.tlsCert = identity.cert().toString();
    c.tlsKey = identity.key().toString();
    c.account = "yichang";
    c.clientId = clientId;
    c.reconnectMinMs = 200;
    c.reconnectMaxMs = 1000;
    c.connectTimeoutS = 5;
    return c;
  }

  /** Takes {@code n} more reading sets, as acquisition would: value i of the i-th set. */
  void read(int n) {
    if (encoder == null) {
      encoder = new TestTelemetry(store, config);
    }
    for (int i = 0; i < n; i++) {
      long value = ++readings;
      encoder.accept(
          new ReadingSet(
              "soil-01",
              Instant.now(),
              List.of(
                  PointReading.of("count", value, null, false),
                  PointReading.of("temperature", value / 10.0, "°C", false),
                  PointReading.failed("humidity", "%", "timeout"))));
    }
  }

  /** Takes one reading set as acquisition hands it over. */
  void accept(ReadingSet set) {
    if (encoder == null) {
      encoder = new TestTelemetry(store, config);
    }
    encoder.accept(set);
  }

  Gateway start() throws ConfigurationException {
    uplink = new UplinkComponent(store, config, System::getProperty, "0.1.0-it");
    return this;
  }

  UplinkComponent uplink() {
    return uplink;
  }

  void stop() throws InterruptedException {
    if (uplink != null) {
      uplink.deactivate();
      uplink = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static KuraPayload decode(ReceivedMessage m) {
    return KuraPayloadCodec.decode(m.payload());
  }

  static long seq(ReceivedMessage m) {
    return (Long) decode(m).metric("edge.seq").orElseThrow();
  }
}
