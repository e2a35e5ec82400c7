package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.KuraTelemetry;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.uplink.UplinkStatus;
import cn.yichang.edge.uplink.config.UplinkConfig;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Objects;
import org.osgi.service.cm.ConfigurationException;

/**
 * The uplink's real assembly outside OSGi, for the drain benchmark: {@link UplinkComponent} (TLS
 * from PEM files, Paho session factory, engine, drainer, Kura wire format, lifecycle) and the Kura
 * encoding of reading sets, built with {@code new} exactly as the uplink's own integration tests
 * build them from this package. It lives in the benchmark module, in the uplink's package, because
 * those constructors are package-private; the uplink bundle itself is not changed.
 */
public final class BenchUplinks {

  private BenchUplinks() {}

  /**
   * What the site file's {@code uplink:} section would say; every other key keeps its default.
   *
   * @param protocol {@code mqtt5} or {@code mqtt3}
   * @param inFlight the in-flight window ({@code in-flight}, default 1000)
   */
  public record Config(
      String url,
      String protocol,
      Path ca,
      Path cert,
      Path key,
      String account,
      String clientId,
      int inFlight) {

    public Config {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(protocol, "protocol");
    }

    /** The same configuration with another window. */
    public Config withInFlight(int window) {
      return new Config(url, protocol, ca, cert, key, account, clientId, window);
    }

    /** The same configuration with another protocol. */
    public Config withProtocol(String other) {
      return new Config(url, other, ca, cert, key, account, clientId, inFlight);
    }
  }

  /** A running uplink. */
  public interface Running extends AutoCloseable {
    UplinkStatus status();

    /** Sends DC, disconnects and stops the engine's thread (as a deactivation does). */
    @Override
    void close() throws InterruptedException;
  }

  /** The gateway's default in-flight window ({@code in-flight} in the site file). */
  public static final int DEFAULT_IN_FLIGHT = UplinkConfig.DEFAULT_IN_FLIGHT;

  /** Starts the uplink on {@code store}: it connects at once and drains until closed. */
  public static Running start(MessageStore store, Config config, String version) {
    UplinkComponent component;
    try {
      component = new UplinkComponent(store, new ConfigView(config), System::getProperty, version);
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(e.getProperty() + ": " + e.getReason(), e);
    }
    return new Running() {
      @Override
      public UplinkStatus status() {
        return component.status();
      }

      @Override
      public void close() throws InterruptedException {
        component.deactivate();
      }
    };
  }

  /**
   * The reading sink that turns every reading set into a stored KuraPayload, as the gateway's
   * telemetry stage does under {@code every-poll}.
   */
  public static ReadingSink encoder(MessageStore store, Config config) {
    KuraTelemetry telemetry =
        new KuraTelemetry(config.account(), config.clientId(), UplinkConfig.DEFAULT_APP_ID);
    return readings -> store.enqueue(telemetry.message(Report.of(readings)));
  }

  /** The bytes the uplink publishes for a stored message (edge.seq appended, gzip if shorter). */
  public static byte[] wireBytes(StoredMessage message) {
    return new KuraWireFormat().encode(message);
  }

  /** An {@link UplinkConfig} as DS would make it from the site file's {@code uplink:} section. */
  private record ConfigView(Config c) implements UplinkConfig {
    @Override
    public String url() {
      return c.url();
    }

    @Override
    public String protocol() {
      return c.protocol();
    }

    @Override
    public String tls_ca() {
      return c.ca() == null ? "" : c.ca().toString();
    }

    @Override
    public String tls_cert() {
      return c.cert() == null ? "" : c.cert().toString();
    }

    @Override
    public String tls_key() {
      return c.key() == null ? "" : c.key().toString();
    }

    @Override
    public String tls_p12() {
      return "";
    }

    @Override
    public String tls_password() {
      return "";
    }

    @Override
    public boolean tls_allow_loose_permissions() {
      return false;
    }

    @Override
    public boolean allow_plaintext() {
      return false;
    }

    @Override
    public String account() {
      return c.account();
    }

    @Override
    public String client_id() {
      return c.clientId();
    }

    @Override
    public String app_id() {
      return DEFAULT_APP_ID;
    }

    @Override
    public int in_flight() {
      return c.inFlight();
    }

    @Override
    public int keepalive_s() {
      return DEFAULT_KEEPALIVE_S;
    }

    @Override
    public long reconnect_min_ms() {
      return DEFAULT_RECONNECT_MIN_MS;
    }

    @Override
    public long reconnect_max_ms() {
      return DEFAULT_RECONNECT_MAX_MS;
    }

    @Override
    public int connect_timeout_s() {
      return DEFAULT_CONNECT_TIMEOUT_S;
    }

    @Override
    public int max_message() {
      return 0;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return UplinkConfig.class;
    }
  }
}
