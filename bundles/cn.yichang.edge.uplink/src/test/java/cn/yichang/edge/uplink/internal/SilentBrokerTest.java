package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A listener on 127.0.0.1 that accepts TCP connections and never sends a byte: the broker that
 * hangs. The uplink says that no CONNACK came, how long it waited and from where.
 */
class SilentBrokerTest {

  @TempDir Path dir;
  private ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  held.add(server.accept()); // read nothing, answer nothing
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "silent-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    for (Socket s : held) {
      s.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"tcp, mqtt5", "tcp, mqtt3", "ssl, mqtt5", "ssl, mqtt3"})
  void noConnackWithinTheTimeoutFromHostAndPort(String scheme, String protocol) throws Exception {
    String url = scheme + "://127.0.0.1:" + server.getLocalPort();
    TestConfig config;
    if (scheme.equals("ssl")) {
      PkiFiles pki = TestPki.generate(dir.resolve("pki"), "gw-silent");
      config = Gateway.tlsConfig(url, pki, pki.gateway(), "gw-silent", protocol);
    } else {
      config = new TestConfig();
      config.url = url;
      config.allowPlaintext = true;
      config.protocol = protocol;
    }
    config.connectTimeoutS = 2;
    config.reconnectMinMs = 60_000; // one attempt is enough
    config.reconnectMaxMs = 60_000;
    try (Gateway gateway = new Gateway(config).start()) {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> gateway.uplink().status().lastError() != null);
      assertThat(gateway.uplink().status().lastError())
          // Paho's MQTT clients end the TLS handshake at the connect timeout, but on tcp:// the
          // session's own deadline (5 s later) ends the wait for CONNACK
          .containsPattern(
              "no CONNACK within "
                  + (scheme.equals("ssl") ? 2 : 7)
                  + " s from 127.0.0.1:"
                  + server.getLocalPort())
          .doesNotContain("Untranslated")
          .doesNotContain("certificate");
    }
  }
}
