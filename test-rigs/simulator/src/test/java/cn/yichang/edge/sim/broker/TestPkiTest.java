package cn.yichang.edge.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

  @TempDir static Path dir;
  static PkiFiles pki;

  @BeforeAll
  static void generate() throws Exception {
    pki = TestPki.generate(dir.resolve("pki"), "gw-7");
  }

  @Test
  void serverCertificateNamesLocalhostAndTheLoopbackAddress() throws Exception {
    X509Certificate server = certificate(pki.server().cert());
    assertThat(server.getSubjectAlternativeNames())
        .extracting(name -> (Object) name.get(1))
        .containsExactlyInAnyOrder("localhost", "127.0.0.1");
    server.verify(certificate(pki.caCert()).getPublicKey());
  }

  @Test
  void gatewayCertificatesCarryTheGatewayIdAndTheRightIssuer() throws Exception {
    X509Certificate ca = certificate(pki.caCert());
    for (Credentials gateway : List.of(pki.gateway(), pki.ecGateway())) {
      X509Certificate cert = certificate(gateway.cert());
      assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=gw-7");
      cert.verify(ca.getPublicKey());
      cert.checkValidity();
    }
    X509Certificate foreign = certificate(pki.foreignGateway().cert());
    assertThat(foreign.getIssuerX500Principal()).isNotEqualTo(ca.getSubjectX500Principal());
    foreign.verify(certificate(pki.otherCaCert()).getPublicKey());
  }

  @Test
  void expiredCertificateHasExpired() throws Exception {
    X509Certificate expired = certificate(pki.expiredGateway().cert());
    assertThat(expired.getNotAfter()).isBefore(Date.from(Instant.now()));
  }

  @Test
  void keysComeInEveryLayout() throws Exception {
    assertThat(Files.readString(pki.gateway().key())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(pki.gatewayKeyPkcs1()))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Files.readString(pki.ecGatewayKeySec1()))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
    // The same key in both layouts (the JDK re-encodes SEC1 differently, so compare the secret).
    assertThat(((ECPrivateKey) PemIo.readPrivateKey(pki.ecGatewayKeySec1())).getS())
        .isEqualTo(((ECPrivateKey) PemIo.readPrivateKey(pki.ecGateway().key())).getS());
    assertThat(PemIo.readPrivateKey(pki.gatewayKeyPkcs1()).getEncoded())
        .isEqualTo(PemIo.readPrivateKey(pki.gateway().key()).getEncoded());
  }

  @Test
  void everyFileIsReadableByItsOwnerOnly() throws Exception {
    try (Stream<Path> files = Files.list(pki.dir())) {
      for (Path file : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  void moreClientsCanBeIssuedLater() throws Exception {
    Credentials second = TestPki.issueClient(pki, "gw-8");
    X509Certificate cert = certificate(second.cert());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=gw-8");
    cert.verify(certificate(pki.caCert()).getPublicKey());
  }

  private static X509Certificate certificate(Path file) throws Exception {
    return PemIo.readCertificates(file).get(0);
  }
}
