package cn.yichang.edge.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo's "platform" broker: Moquette embedded in the demo's JVM (never in the gateway's OSGi
 * runtime), plain MQTT 3.1.1 on 127.0.0.1 only, on a free port, anonymous, nothing persisted and no
 * telemetry sent anywhere.
 */
final class DemoBroker implements AutoCloseable {

  private final Server server;
  private final int port;

  private DemoBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the broker; {@code dataDir} is only there in case Moquette wants a path at all. */
  static DemoBroker start(Path dataDir) throws IOException {
    int port = freeLoopbackPort();
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    p.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, dataDir.toAbsolutePath().toString());
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    // hand every message to the subscriber at once instead of in periodic batches
    p.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME, "0");
    Server server = new Server();
    server.startServer(new MemoryConfig(p));
    return new DemoBroker(server, port);
  }

  /** {@code tcp://127.0.0.1:PORT}, for the gateway's site file and the subscriber. */
  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopServer();
  }

  // Moquette does not report the port it bound when asked for port 0: take one the kernel hands
  // out and release it just before the broker binds it.
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
