package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Debian's RabbitMQ 3.10 with its MQTT plugin, for tests: an MQTT 3.1.1-only broker (MQTT 5 came
 * with 3.13) that closes the connection on an MQTT 5 CONNECT without a CONNACK, as the brokers of
 * the field do. One TLS listener on a free loopback port requiring a client certificate of the test
 * CA; anonymous MQTT logins (RabbitMQ's guest, which may log in from loopback only). The node, its
 * epmd and its database live in their own temporary directory and ports, deleted by {@link
 * #close()}.
 *
 * <p>It takes about 9 s to start on two busy cores (Erlang boot and the plugin's Raft cluster of
 * one): start one per test class.
 */
public final class RabbitMqBroker implements AutoCloseable {

  private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final Duration START_DEADLINE = Duration.ofSeconds(60);

  private final Path dir;
  private final int port;
  private final int epmdPort;
  private final Process process;

  private RabbitMqBroker(Path dir, int port, int epmdPort, Process process) {
    this.dir = dir;
    this.port = port;
    this.epmdPort = epmdPort;
    this.process = process;
  }

  /** True if rabbitmq-server is installed, for tests that must skip without it. */
  public static boolean installed() {
    return Files.isExecutable(SERVER);
  }

  /** Starts RabbitMQ with the PKI's CA and server certificate and waits until it listens. */
  public static RabbitMqBroker start(PkiFiles pki) throws IOException {
    if (!installed()) {
      throw new IllegalStateException(
          "rabbitmq-server is not installed (test-rigs/install-peers installs it)");
    }
    Path dir = Files.createTempDirectory("rabbitmq-");
    int[] ports = FreePorts.loopback(4);
    Files.writeString(
        dir.resolve("rabbitmq.conf"),
        String.join(
            "\n",
            "listeners.tcp = none",
            "mqtt.listeners.tcp = none",
            "mqtt.listeners.ssl.default = 127.0.0.1:" + ports[0],
            "mqtt.allow_anonymous = true",
            "ssl_options.cacertfile = " + pki.caCert(),
            "ssl_options.certfile = " + pki.server().cert(),
            "ssl_options.keyfile = " + pki.server().key(),
            "ssl_options.verify = verify_peer",
            "ssl_options.fail_if_no_peer_cert = true",
            ""));
    Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_mqtt].\n");
    ProcessBuilder builder =
        new ProcessBuilder(SERVER.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.log").toFile());
    var env = builder.environment();
    env.put("HOME", dir.toString()); // the Erlang cookie
    env.put("RABBITMQ_NODENAME", "rabbit-" + ports[0] + "@localhost");
    env.put("RABBITMQ_BASE", dir.toString());
    env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
    env.put("RABBITMQ_LOGS", dir.resolve("rabbit.log").toString());
    env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
    env.put("RABBITMQ_PID_FILE", dir.resolve("rabbit.pid").toString());
    env.put("RABBITMQ_DIST_PORT", String.valueOf(ports[1]));
    env.put("ERL_EPMD_PORT", String.valueOf(ports[2]));
    RabbitMqBroker broker = new RabbitMqBroker(dir, ports[0], ports[2], builder.start());
    broker.awaitListening();
    return broker;
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    // "started MQTT TLS listener on 127.0.0.1:PORT" (SSL in some versions)
    String listening = "listener on 127.0.0.1:" + port;
    while (!log().contains(listening)) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        String log = log() + console();
        close();
        throw new IOException(
            "rabbitmq did not listen on 127.0.0.1:"
                + port
                + " within "
                + START_DEADLINE
                + ":\n"
                + log);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** {@code ssl://localhost:PORT}: the test server certificate names localhost. */
  public String tlsUrl() {
    return "ssl://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** What the node has logged so far. */
  public String log() {
    return read(dir.resolve("rabbit.log"));
  }

  private String console() {
    return read(dir.resolve("console.log"));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the node and its own epmd (by its port, no other) and deletes the directory. */
  @Override
  public void close() {
    ProcessHandle[] node = process.descendants().toArray(ProcessHandle[]::new);
    process.destroy(); // the script's TERM trap stops the node cleanly
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : node) {
        child.destroyForcibly();
      }
      Process epmd =
          new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort), "-kill")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      epmd.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // epmd missing means the node never started one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
