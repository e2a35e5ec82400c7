package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.config.UplinkConfig;
import java.lang.annotation.Annotation;

/**
 * An {@link UplinkConfig} built by hand, as DS would build it from ConfigAdmin: every key has its
 * default until a test sets it.
 */
final class TestConfig implements UplinkConfig {
  String url = "ssl://localhost:8883";
  String protocol = DEFAULT_PROTOCOL;
  String tlsCa = "";
  String tlsCert = "";
  String tlsKey = "";
  String tlsP12 = "";
  String tlsPassword = "";
  boolean tlsAllowLoosePermissions;
  boolean allowPlaintext;
  String account = "yichang";
  String clientId = "gw-0001";
  String appId = DEFAULT_APP_ID;
  int inFlight = DEFAULT_IN_FLIGHT;
  int keepaliveS = DEFAULT_KEEPALIVE_S;
  long reconnectMinMs = DEFAULT_RECONNECT_MIN_MS;
  long reconnectMaxMs = DEFAULT_RECONNECT_MAX_MS;
  int connectTimeoutS = DEFAULT_CONNECT_TIMEOUT_S;
  int maxMessage;

  @Override
  public String url() {
    return url;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public String tls_ca() {
    return tlsCa;
  }

  @Override
  public String tls_cert() {
    return tlsCert;
  }

  @Override
  public String tls_key() {
    return tlsKey;
  }

  @Override
  public String tls_p12() {
    return tlsP12;
  }

  @Override
  public String tls_password() {
    return tlsPassword;
  }

  @Override
  public boolean tls_allow_loose_permissions() {
    return tlsAllowLoosePermissions;
  }

  @Override
  public boolean allow_plaintext() {
    return allowPlaintext;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public String client_id() {
    return clientId;
  }

  @Override
  public String app_id() {
    return appId;
  }

  @Override
  public int in_flight() {
    return inFlight;
  }

  @Override
  public int keepalive_s() {
    return keepaliveS;
  }

  @Override
  public long reconnect_min_ms() {
    return reconnectMinMs;
  }

  @Override
  public long reconnect_max_ms() {
    return reconnectMaxMs;
  }

  @Override
  public int max_message() {
    return maxMessage;
  }

  @Override
  public int connect_timeout_s() {
    return connectTimeoutS;
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return UplinkConfig.class;
  }
}
