package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.config.UplinkConfig;
import cn.yichang.edge.uplink.tls.CertificateExpiry;
import cn.yichang.edge.uplink.tls.TlsContextFactory;
import cn.yichang.edge.uplink.tls.TlsFiles;
import cn.yichang.edge.uplink.tls.TlsProblem;
import java.nio.file.Path;
import java.time.Clock;
import javax.net.ssl.SSLSocketFactory;
import org.osgi.service.cm.ConfigurationException;

/**
 * What the uplink's activation checks and builds before it connects: the settings, and on ssl://
 * the TLS files, their socket factory and the certificate's expiry. One place, so that {@code
 * validate} ({@link cn.yichang.edge.uplink.config.UplinkConfigCheck}) refuses exactly what the
 * component would.
 *
 * @param tls null, as {@code sockets} and {@code expiry}, on an allowed tcp:// url
 */
public record UplinkStart(
    UplinkSettings settings, TlsFiles tls, SSLSocketFactory sockets, CertificateExpiry expiry) {

  /**
   * @throws ConfigurationException naming the configuration key at fault and why
   */
  public static UplinkStart of(UplinkConfig config, Clock clock) throws ConfigurationException {
    UplinkSettings settings;
    try {
      settings = UplinkSettings.from(config);
    } catch (BadSetting e) {
      throw new ConfigurationException(e.key(), e.getMessage());
    }
    if (!settings.tls()) {
      return new UplinkStart(settings, null, null, null);
    }
    TlsFiles tls = tlsFiles(config);
    try {
      return new UplinkStart(
          settings,
          tls,
          TlsContextFactory.create(tls, clock.instant()),
          CertificateExpiry.of(tls, clock));
    } catch (TlsProblem e) {
      throw new ConfigurationException(key(e.role(), tls), e.getMessage(), e);
    }
  }

  static TlsFiles tlsFiles(UplinkConfig c) throws ConfigurationException {
    char[] password = c.tls_password().isEmpty() ? null : c.tls_password().toCharArray();
    Path ca = path(c.tls_ca());
    if (ca == null) {
      throw new ConfigurationException("tls.ca", "uplink tls.ca is missing (required for ssl://)");
    }
    try {
      return new TlsFiles(
          ca,
          path(c.tls_cert()),
          path(c.tls_key()),
          path(c.tls_p12()),
          password,
          c.tls_allow_loose_permissions());
    } catch (IllegalArgumentException e) {
      String key =
          path(c.tls_p12()) != null
              ? "tls.p12"
              : path(c.tls_cert()) == null ? "tls.cert" : "tls.key";
      throw new ConfigurationException(key, "uplink tls: " + e.getMessage());
    }
  }

  private static String key(TlsProblem.Role role, TlsFiles tls) {
    return switch (role) {
      case CA -> "tls.ca";
      case CERTIFICATE -> tls.usesPkcs12() ? "tls.p12" : "tls.cert";
      case KEY -> tls.usesPkcs12() ? "tls.p12" : "tls.key";
      case PKCS12 -> "tls.p12";
    };
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }
}
