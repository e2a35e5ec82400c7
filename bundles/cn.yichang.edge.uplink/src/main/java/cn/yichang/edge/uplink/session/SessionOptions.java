package cn.yichang.edge.uplink.session;

import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * What every connection of the uplink is made with.
 *
 * @param serverUri {@code ssl://host:port} or {@code tcp://host:port}
 * @param socketFactory the TLS socket factory for {@code ssl://}; {@code null} for {@code tcp://}
 * @param maxInFlight QoS 1 publishes awaiting acknowledgement at most
 * @param will {@code null} until {@link #withWill} gives the one of a connection
 */
public record SessionOptions(
    String serverUri,
    String clientId,
    SocketFactory socketFactory,
    Duration keepAlive,
    Duration connectTimeout,
    int maxInFlight,
    Will will) {

  /** The last will, registered at connect; never retained. */
  public record Will(String topic, byte[] payload, int qos) {}

  public SessionOptions {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** These options with another will: each connection registers a fresh one. */
  public SessionOptions withWill(Will other) {
    return new SessionOptions(
        serverUri, clientId, socketFactory, keepAlive, connectTimeout, maxInFlight, other);
  }

  public boolean tls() {
    return serverUri.startsWith("ssl://");
  }

  /** How long to wait for a connect or a disconnect at most: the connect timeout and a margin. */
  public Duration connectDeadline() {
    return connectTimeout.plusSeconds(5);
  }
}
