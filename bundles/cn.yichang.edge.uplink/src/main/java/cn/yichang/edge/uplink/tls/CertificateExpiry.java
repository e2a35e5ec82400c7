package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Warns while the gateway's certificate has less than {@link #WARN_BEFORE} left: a log line at
 * uplink start and daily, and a group in BIRTH's {@code extended_properties}, so that the platform
 * sees the gateways to renew before they drop off.
 */
public final class CertificateExpiry {

  public static final Duration WARN_BEFORE = Duration.ofDays(30);

  private final X509Certificate certificate;
  private final Path file;
  private final Clock clock;

  public CertificateExpiry(X509Certificate certificate, Path file, Clock clock) {
    this.certificate = certificate;
    this.file = file;
    this.clock = clock;
  }

  /** The gateway's certificate (the leaf) of the uplink's TLS files. */
  public static CertificateExpiry of(TlsFiles files, Clock clock) throws TlsProblem {
    X509Certificate leaf =
        files.usesPkcs12()
            ? Pkcs12Files.identity(files.p12(), files.password()).certificate()
            : PemFiles.certificates(Role.CERTIFICATE, files.cert()).get(0);
    return new CertificateExpiry(leaf, files.usesPkcs12() ? files.p12() : files.cert(), clock);
  }

  public Instant expires() {
    return certificate.getNotAfter().toInstant();
  }

  /** The log line, while the certificate has less than 30 days left (or has expired). */
  public Optional<String> warning() {
    Instant now = clock.instant();
    if (expires().isAfter(now.plus(WARN_BEFORE))) {
      return Optional.empty();
    }
    long days = Duration.between(now, expires()).toDays();
    return Optional.of(
        "gateway certificate "
            + certificate.getSubjectX500Principal().getName()
            + " in "
            + file
            + (expires().isAfter(now) ? " expires in " + days + " days, on " : " expired on ")
            + expires()
            + ": renew it (bin/sanxia-edge provision key, the city CA, provision cert)");
  }

  /**
   * Kura's {@code extended_properties} JSON with a {@code Certificate} group while {@link
   * #warning()} applies, else null (the BIRTH stays as it was).
   */
  public String extendedProperties() {
    if (warning().isEmpty()) {
      return null;
    }
    long days = Math.max(0, Duration.between(clock.instant(), expires()).toDays());
    return "{\"version\":\"1.0\",\"properties\":{\"Certificate\":{\"expires\":\""
        + expires()
        + "\",\"days_left\":\""
        + days
        + "\",\"warning\":\"renew the gateway certificate\"}}}";
  }
}
