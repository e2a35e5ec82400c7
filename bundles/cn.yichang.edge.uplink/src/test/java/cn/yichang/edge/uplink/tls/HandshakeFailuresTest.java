package cn.yichang.edge.uplink.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The explanation of each way a TLS connection attempt fails, on exceptions shaped as Paho hands
 * them over (an outer exception whose cause chain holds the real one).
 */
class HandshakeFailuresTest {

  private static final TlsFiles PEM =
      TlsFiles.pem(
          Path.of("/etc/edge/ca.pem"),
          Path.of("/etc/edge/gw.pem"),
          Path.of("/etc/edge/gw.key"),
          null,
          false);
  private static final TlsFiles P12 =
      TlsFiles.pkcs12(Path.of("/etc/edge/ca.pem"), Path.of("/etc/edge/gw.p12"), null, false);

  @Test
  void brokerAlertNamesTheCertificateFile() {
    assertThat(describe(PEM, new SSLHandshakeException("Received fatal alert: unknown_ca")))
        .isEqualTo(
            "the broker refused the gateway's certificate in /etc/edge/gw.pem (TLS alert"
                + " unknown_ca): is it signed by a CA the broker trusts, valid, and not revoked?");
    assertThat(describe(P12, new SSLHandshakeException("Received fatal alert: bad_certificate")))
        .contains("certificate in /etc/edge/gw.p12");
  }

  @Test
  void versionAlertSaysWhatTheGatewaySpeaks() {
    assertThat(describe(PEM, new SSLHandshakeException("Received fatal alert: protocol_version")))
        .contains("TLS 1.2 and 1.3 only");
  }

  @Test
  void mosquittoClosingTheConnectionPointsAtItsLog() {
    // What Paho reports when mosquitto refuses the certificate (seen with mosquitto 2.0.11).
    assertThat(describe(PEM, new SocketException("Broken pipe")))
        .isEqualTo(
            "the broker closed the connection during the TLS handshake (Broken pipe); if it"
                + " refused the gateway's certificate in /etc/edge/gw.pem, the broker's log says why");
  }

  @Test
  void ourOwnCheckOfTheBrokerIsPassedOnAsItIs() {
    String ours = "broker certificate CN=broker is not trusted by CA file /etc/edge/ca.pem (x)";
    SSLHandshakeException failure = new SSLHandshakeException(ours);
    failure.initCause(new CertificateException(ours));
    assertThat(describe(PEM, failure)).isEqualTo(ours);
  }

  @Test
  void unreachableBrokerIsNotBlamedOnCertificates() {
    assertThat(describe(PEM, new ConnectException("Connection refused")))
        .startsWith("cannot reach the broker")
        .doesNotContain("certificate");
  }

  private static String describe(TlsFiles files, Throwable cause) {
    return HandshakeFailures.describe(files, new IOException("Paho's wrapper", cause));
  }
}
