package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.config.Hj212Config;
import cn.yichang.edge.hj212.internal.aggregate.Aggregator;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.osgi.service.cm.ConfigurationException;

/**
 * A destination's configuration, checked: what its activation refuses, each with the key.
 *
 * @param host and {@code port}, {@code tls}: where the platform listens
 */
record DestinationSettings(
    String id,
    String host,
    int port,
    boolean tls,
    String mn,
    String password,
    String st,
    int realtimeS,
    int minutes,
    boolean ack,
    int timeoutS,
    int retries,
    PointCodes codes,
    ZoneId zone,
    Path stateDir) {

  static DestinationSettings of(Hj212Config c) throws ConfigurationException {
    String id = required("id", c.id());
    URI url;
    try {
      url = new URI(required("url", c.url()));
    } catch (java.net.URISyntaxException e) {
      throw new ConfigurationException("url", "\"" + c.url() + "\" is not a URL: " + e.getReason());
    }
    if (!"tcp".equals(url.getScheme()) && !"tls".equals(url.getScheme())) {
      throw new ConfigurationException(
          "url", "\"" + c.url() + "\": tcp://HOST:PORT or tls://HOST:PORT");
    }
    if (url.getHost() == null || url.getPort() <= 0) {
      throw new ConfigurationException("url", "\"" + c.url() + "\" needs a host and a port");
    }
    boolean tls = "tls".equals(url.getScheme());
    if (tls) {
      throw new ConfigurationException(
          "url", "tls:// is not supported yet for HJ 212 platforms: tcp:// with allow.plaintext");
    }
    if (!tls && !c.allow_plaintext()) {
      throw new ConfigurationException(
          "url", c.url() + " is plaintext: use tls://, or say allow-plaintext: true");
    }
    String mn = required("mn", c.mn());
    if (!mn.matches("[0-9A-Za-z]{1,24}")) {
      throw new ConfigurationException("mn", "\"" + mn + "\": 1 to 24 letters or digits");
    }
    String password = required("password", c.password());
    if (!password.matches("[0-9A-Za-z]{1,6}")) {
      throw new ConfigurationException("password", "1 to 6 letters or digits (the standard's PW)");
    }
    if (!c.st().matches("[0-9A-Z]{2}")) {
      throw new ConfigurationException("st", "\"" + c.st() + "\": two digits or capitals, e.g. 21");
    }
    if (c.realtime_s() < 30 || c.realtime_s() > 3600) {
      throw new ConfigurationException(
          "realtime.s", "must be between 30 and 3600 (the standard's RtdInterval)");
    }
    if (!Aggregator.allowedMinutes(c.minute_min())) {
      throw new ConfigurationException(
          "minute.min", "must be 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30");
    }
    if (c.timeout_s() < 1 || c.timeout_s() > 99) {
      throw new ConfigurationException("timeout.s", "must be between 1 and 99 (OverTime)");
    }
    if (c.retries() < 1 || c.retries() > 99) {
      throw new ConfigurationException("retries", "must be between 1 and 99 (ReCount)");
    }
    PointCodes codes;
    try {
      codes = new PointCodes(c.codes(), c.maintenance(), c.calibration());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("codes", e.getMessage());
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(c.time_zone());
    } catch (DateTimeException e) {
      throw new ConfigurationException("time.zone", "\"" + c.time_zone() + "\" is not a time zone");
    }
    return new DestinationSettings(
        id,
        url.getHost(),
        url.getPort(),
        tls,
        mn,
        password,
        c.st(),
        (int) c.realtime_s(),
        c.minute_min(),
        c.ack(),
        (int) c.timeout_s(),
        c.retries(),
        codes,
        zone,
        Path.of(required("state.dir", c.state_dir())));
  }

  Path archive() {
    return stateDir.resolve("hj212-" + id + ".db");
  }

  private static String required(String key, String value) throws ConfigurationException {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(key, "missing (required)");
    }
    return value;
  }
}
