package cn.yichang.edge.uplink.tls;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateExpiryTest {

  private static final Path FILE = Path.of("/etc/sanxia-edge/certs/gateway.pem");
  private final Issued ca = TestCertificates.authority("CN=City CA");
  private final Instant now = Instant.now();

  private CertificateExpiry expiringIn(Duration left) {
    Issued gateway =
        TestCertificates.issue(
            ca,
            "CN=yc-0001",
            TestCertificates.ec(),
            now.minus(Duration.ofDays(300)),
            now.plus(left),
            List.of());
    return new CertificateExpiry(gateway.certificate(), FILE, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void lessThan30DaysLeftWarnsNamingTheFileAndTheDate() {
    CertificateExpiry expiry = expiringIn(Duration.ofDays(12).plusHours(1));

    assertThat(expiry.warning())
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("CN=yc-0001")
                    .contains(FILE.toString())
                    .contains("expires in 12 days, on " + expiry.expires())
                    .contains("provision"));
    assertThat(expiry.extendedProperties())
        .isEqualTo(
            "{\"version\":\"1.0\",\"properties\":{\"Certificate\":{\"expires\":\""
                + expiry.expires()
                + "\",\"days_left\":\"12\",\"warning\":\"renew the gateway certificate\"}}}");
  }

  @Test
  void moreThan30DaysLeftIsQuiet() {
    CertificateExpiry expiry = expiringIn(Duration.ofDays(31));

    assertThat(expiry.warning()).isEmpty();
    assertThat(expiry.extendedProperties()).isNull();
  }

  @Test
  void anExpiredCertificateSaysSo() {
    CertificateExpiry expiry = expiringIn(Duration.ofDays(-2));

    assertThat(expiry.warning()).hasValueSatisfying(w -> assertThat(w).contains(" expired on "));
    assertThat(expiry.extendedProperties()).contains("\"days_left\":\"0\"");
  }
}
