package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.config.UplinkConfig;
import cn.yichang.edge.uplink.session.PahoSessionFactory.Protocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The uplink configuration, checked: every problem is a {@link BadSetting} that names the key and
 * whose message says what to write instead.
 */
record UplinkSettings(
    String url,
    boolean tls,
    Protocol protocol,
    String account,
    String clientId,
    String appId,
    int inFlight,
    Duration keepAlive,
    Duration reconnectMin,
    Duration reconnectMax,
    Duration connectTimeout,
    int maxMessage) {

  /** Below this not even a small reading set and its topic fit in a packet. */
  static final int MIN_MAX_MESSAGE = 128;

  static UplinkSettings from(UplinkConfig c) {
    String url = required("url", c.url());
    boolean tls = checkUrl(url, c.allow_plaintext());
    return new UplinkSettings(
        url,
        tls,
        protocol(c.protocol()),
        required("account", c.account()),
        required("client.id", c.client_id()),
        required("app.id", c.app_id()),
        range("in.flight", c.in_flight(), 1, 65535),
        Duration.ofSeconds(range("keepalive.s", c.keepalive_s(), 0, 65535)),
        Duration.ofMillis(range("reconnect.min.ms", c.reconnect_min_ms(), 1, Long.MAX_VALUE)),
        Duration.ofMillis(
            range("reconnect.max.ms", c.reconnect_max_ms(), c.reconnect_min_ms(), Long.MAX_VALUE)),
        Duration.ofSeconds(range("connect.timeout.s", c.connect_timeout_s(), 1, 3600)),
        c.max_message() == 0
            ? 0
            : range("max.message", c.max_message(), MIN_MAX_MESSAGE, Integer.MAX_VALUE));
  }

  /** True for ssl://; a tcp:// url is accepted only with allow.plaintext. */
  private static boolean checkUrl(String url, boolean allowPlaintext) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new BadSetting("url", "uplink url \"" + url + "\": " + e.getMessage());
    }
    if (uri.getHost() == null || uri.getPort() < 1 || !isBare(uri)) {
      throw new BadSetting(
          "url", "uplink url \"" + url + "\": expected ssl://HOST:PORT (or tcp://HOST:PORT)");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("ssl")) {
      return true;
    }
    if (scheme.equals("tcp")) {
      if (!allowPlaintext) {
        throw new BadSetting(
            "url",
            "uplink url \""
                + url
                + "\" is plaintext MQTT: readings and credentials would cross the network"
                + " unencrypted. Use ssl://, or set allow.plaintext=true (allow-plaintext: true"
                + " under uplink: in the site file) to accept that.");
      }
      return false;
    }
    throw new BadSetting(
        "url",
        "uplink url \"" + url + "\": scheme " + scheme + " is not supported; use ssl:// or tcp://");
  }

  private static boolean isBare(URI uri) {
    return (uri.getPath() == null || uri.getPath().isEmpty())
        && uri.getQuery() == null
        && uri.getFragment() == null
        && uri.getUserInfo() == null;
  }

  private static Protocol protocol(String value) {
    return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
      case "mqtt5" -> Protocol.MQTT5;
      case "mqtt3" -> Protocol.MQTT3;
      case "auto" -> Protocol.AUTO;
      default ->
          throw new BadSetting(
              "protocol", "uplink protocol \"" + value + "\": expected mqtt5, mqtt3 or auto");
    };
  }

  static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new BadSetting(key, "uplink " + key + " is missing");
    }
    return value.trim();
  }

  private static int range(String key, int value, int min, int max) {
    return (int) range(key, (long) value, min, max);
  }

  private static long range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new BadSetting(
          key,
          "uplink "
              + key
              + " is "
              + value
              + "; expected "
              + min
              + (max == Long.MAX_VALUE ? " or more" : " to " + max));
    }
    return value;
  }

  String protocolName() {
    return protocol.key();
  }
}
