package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's mosquitto on free loopback ports, for tests: a TLS listener requiring a client
 * certificate signed by the test CA (the certificate's CN becomes the MQTT user name), and
 * optionally a plaintext one. It can be stopped and started again on the same ports to simulate an
 * outage. Everything lives in its own temporary directory, deleted by {@link #close()}.
 *
 * <p>Started as root, mosquitto 2.0 drops to the {@code mosquitto} user before it reads its key:
 * the harness then copies the CA, certificate and key into its directory and gives that directory
 * to that user.
 */
public final class MosquittoBroker implements AutoCloseable {

  static final String CA_FILE = "ca.pem";
  static final String CERT_FILE = "server.pem";
  static final String KEY_FILE = "server.key";

  private static final Duration START_DEADLINE = Duration.ofSeconds(10);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
  private static final int START_ATTEMPTS = 3;
  private static final Pattern RUNNING = Pattern.compile("mosquitto version \\S+ running");

  private final Path dir;
  private final Path logFile;
  private final Path confFile;
  private final int tlsPort;
  private final int plaintextPort;
  private Process process;

  private MosquittoBroker(Path dir, int tlsPort, int plaintextPort) {
    this.dir = dir;
    this.logFile = dir.resolve("mosquitto.log");
    this.confFile = dir.resolve("mosquitto.conf");
    this.tlsPort = tlsPort;
    this.plaintextPort = plaintextPort;
  }

  /** The mosquitto binary, or null. Debian installs it in /usr/sbin, often not on a user's PATH. */
  public static Path executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : (path + ":/usr/sbin:/usr/local/sbin").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "mosquitto"))) {
        return Path.of(entry, "mosquitto");
      }
    }
    return null;
  }

  /** True if mosquitto is installed, for tests that must skip without it. */
  public static boolean installed() {
    return executable() != null;
  }

  /** Starts a broker with the PKI's CA and server certificate. */
  public static MosquittoBroker start(PkiFiles pki, BrokerOptions options) throws IOException {
    return start(pki.caCert(), pki.server(), options);
  }

  /**
   * Starts a broker and waits until its ports accept connections. A port taken between choosing it
   * and mosquitto binding it is retried with new ports.
   */
  public static MosquittoBroker start(Path caCert, Credentials server, BrokerOptions options)
      throws IOException {
    if (!installed()) {
      throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)");
    }
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      Path dir = Files.createTempDirectory("mosquitto-");
      int[] ports = FreePorts.loopback(options.plaintextListener() ? 2 : 1);
      MosquittoBroker broker =
          new MosquittoBroker(dir, ports[0], options.plaintextListener() ? ports[1] : 0);
      try {
        broker.prepare(caCert, server, options);
        broker.start();
        return broker;
      } catch (IOException e) {
        last = e;
        String log = broker.log();
        broker.close();
        if (!log.contains("Address already in use")) {
          throw e;
        }
      }
    }
    throw last;
  }

  private void prepare(Path caCert, Credentials server, BrokerOptions options) throws IOException {
    Files.copy(caCert, dir.resolve(CA_FILE), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(server.cert(), dir.resolve(CERT_FILE), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(server.key(), dir.resolve(KEY_FILE), StandardCopyOption.REPLACE_EXISTING);
    String runAs = RunAsUser.brokerUser();
    Files.writeString(confFile, MosquittoConf.text(dir, tlsPort, plaintextPort, options, runAs));
    if (runAs != null) {
      RunAsUser.giveTree(dir, runAs);
    }
  }

  /**
   * Starts mosquitto again (after {@link #stop()}) on the same ports, and waits until it listens.
   *
   * <p>It waits for mosquitto's own "running" line, logged once its listeners are open, rather than
   * probing the port: a probe would leave an "unexpected eof" and a "Protocol error" in the log
   * that tests read.
   */
  public synchronized void start() throws IOException {
    if (isRunning()) {
      return;
    }
    long runningBefore = runningLines();
    process =
        new ProcessBuilder(executable().toString(), "-c", confFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (runningLines() == runningBefore) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        stop();
        throw new IOException(
            "mosquitto did not start listening on 127.0.0.1:"
                + ports()
                + " within "
                + START_DEADLINE
                + "; its log:\n"
                + log());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private long runningLines() {
    return log().lines().filter(line -> RUNNING.matcher(line).find()).count();
  }

  /** Stops mosquitto (SIGTERM, then SIGKILL after 5 s), keeping its ports for {@link #start()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** The broker's process id (to read its CPU time), while it runs. */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("the broker is stopped");
    }
    return process.pid();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  public int tlsPort() {
    return tlsPort;
  }

  /** {@code ssl://localhost:PORT}: the host name the server certificate is checked against. */
  public String tlsUrl() {
    return "ssl://localhost:" + tlsPort;
  }

  /** The plaintext listener's port, or 0 if there is none. */
  public int plaintextPort() {
    return plaintextPort;
  }

  /** {@code tcp://127.0.0.1:PORT}, or null if there is no plaintext listener. */
  public String plaintextUrl() {
    return plaintextPort == 0 ? null : "tcp://127.0.0.1:" + plaintextPort;
  }

  public Path logFile() {
    return logFile;
  }

  /** All mosquitto has logged so far, across restarts. */
  public String log() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the log contains {@code fragment} (mosquitto logs after the client has already seen
   * the outcome) and returns the log; fails with the log if the deadline passes first.
   */
  public String awaitLog(String fragment, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String log = log();
    while (!log.contains(fragment)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "mosquitto did not log \"" + fragment + "\" within " + timeout + "; its log:\n" + log);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      log = log();
    }
    return log;
  }

  /** Stops mosquitto and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private List<Integer> ports() {
    return plaintextPort == 0 ? List.of(tlsPort) : List.of(tlsPort, plaintextPort);
  }
}
