package cn.yichang.edge.bench;

import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Mosquitto for the drain benchmark: one TLS listener on a free loopback port requiring a client
 * certificate of the harness's test PKI (as {@link MosquittoBroker} configures it), plus {@code
 * max_inflight_messages}, which the harness cannot set yet. Mosquitto announces that value as its
 * MQTT 5 Receive Maximum (default 20), so without it every MQTT 5 client, the gateway's uplink
 * included, has at most 20 messages in flight. It logs what the harness's broker logs, no
 * per-message lines.
 */
final class BenchBroker implements AutoCloseable {

  private final Path dir;
  private final int port;
  private final Process process;

  private BenchBroker(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts mosquitto and waits until it listens.
   *
   * @param maxInflight {@code max_inflight_messages}: 1..65535
   */
  static BenchBroker start(PkiFiles pki, int maxInflight) throws IOException {
    Path mosquitto = MosquittoBroker.executable();
    if (mosquitto == null) {
      throw new IOException("mosquitto is not installed (apt-get install mosquitto)");
    }
    // directly in the temporary directory: mosquitto's own user must be able to reach it
    Path dir = Files.createTempDirectory("sanxia-bench-mosquitto-");
    Files.copy(pki.caCert(), dir.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.server().cert(), dir.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.server().key(), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
    int port = freePort();
    String runAs = brokerUser();
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, conf(dir, port, maxInflight, runAs));
    if (runAs != null) {
      giveTree(dir, runAs);
    }
    Path log = dir.resolve("mosquitto.log");
    Process process =
        new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    BenchBroker broker = new BenchBroker(dir, port, process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!broker.log().contains("running")) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        String text = broker.log();
        broker.close();
        throw new IOException("mosquitto did not start on port " + port + ":\n" + text);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return broker;
  }

  static String conf(Path dir, int port, int maxInflight, String runAs) {
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by the drain benchmark for one run; deleted with its directory.\n");
    if (runAs != null) {
      conf.append("user ").append(runAs).append('\n');
    }
    conf.append("persistence false\n");
    conf.append("max_inflight_messages ").append(maxInflight).append('\n');
    conf.append("log_dest stderr\n");
    conf.append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
    conf.append("listener ").append(port).append(" 127.0.0.1\n");
    conf.append("cafile ").append(dir.resolve("ca.pem")).append('\n');
    conf.append("certfile ").append(dir.resolve("server.pem")).append('\n');
    conf.append("keyfile ").append(dir.resolve("server.key")).append('\n');
    conf.append("require_certificate true\n");
    conf.append("use_identity_as_username true\n");
    conf.append("allow_anonymous false\n");
    return conf.toString();
  }

  /** {@code ssl://localhost:PORT}: the name the server certificate is checked against. */
  String url() {
    return "ssl://localhost:" + port;
  }

  /** The broker's process id, to read its CPU time. */
  long pid() {
    return process.pid();
  }

  String log() {
    try {
      Path log = dir.resolve("mosquitto.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    WorkDirs.delete(dir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Started as root, mosquitto 2.0 drops to its own user before it reads its key: that user must
   * own the directory. Null when this JVM is not root.
   */
  private static String brokerUser() throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return null;
    }
    for (String candidate : new String[] {"mosquitto", "nobody"}) {
      try {
        Path.of("/")
            .getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(candidate);
        return candidate;
      } catch (UserPrincipalNotFoundException e) {
        // try the next one
      }
    }
    throw new IOException("running as root, and neither user mosquitto nor nobody exists");
  }

  private static void giveTree(Path dir, String user) throws IOException {
    UserPrincipal owner =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.toList()) {
        Files.setOwner(file, owner);
      }
    }
  }
}
