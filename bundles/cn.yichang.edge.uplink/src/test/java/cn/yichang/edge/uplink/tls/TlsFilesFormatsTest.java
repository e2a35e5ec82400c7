package cn.yichang.edge.uplink.tls;

import static cn.yichang.edge.uplink.tls.TestCertificates.authority;
import static cn.yichang.edge.uplink.tls.TestCertificates.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key layout the site file may point at loads, and the factory's sockets are restricted to
 * TLS 1.2/1.3 with host-name checking. Loading includes the key-matches-certificate check, so a
 * success also shows that the right key was read.
 */
class TlsFilesFormatsTest {

  private static final char[] PASSWORD = "correct horse".toCharArray();

  @TempDir static Path dir;
  static Path ca;
  static Issued rsaClient;
  static Issued ecClient;

  @BeforeAll
  static void makeCertificates() throws Exception {
    Issued authority = authority("Sanxia Test CA");
    Issued second = authority("Second Test CA");
    // A bundle of two CAs: every certificate in the file is read.
    ca =
        TestFiles.writeCertificates(
            dir.resolve("ca.pem"), authority.certificate(), second.certificate());
    rsaClient = client(authority, "gw-rsa", TestCertificates.rsa());
    ecClient = client(authority, "gw-ec", TestCertificates.ec());
  }

  @Test
  void rsaPkcs8() throws Exception {
    assertLoads(
        rsaClient,
        TestFiles.writePkcs8(dir.resolve("rsa-pkcs8.key"), rsaClient.privateKey()),
        null);
  }

  @Test
  void ecPkcs8() throws Exception {
    assertLoads(
        ecClient, TestFiles.writePkcs8(dir.resolve("ec-pkcs8.key"), ecClient.privateKey()), null);
  }

  @Test
  void encryptedPkcs8WithPassword() throws Exception {
    Path key =
        TestFiles.writeEncryptedPkcs8(dir.resolve("enc.key"), rsaClient.privateKey(), PASSWORD);
    assertThat(Files.readString(key)).contains("BEGIN ENCRYPTED PRIVATE KEY");
    assertLoads(rsaClient, key, PASSWORD);
  }

  @Test
  void rsaPkcs1() throws Exception {
    Path key = TestFiles.writeTraditional(dir.resolve("pkcs1.key"), rsaClient.privateKey());
    assertThat(Files.readString(key)).contains("BEGIN RSA PRIVATE KEY");
    assertLoads(rsaClient, key, null);
  }

  @Test
  void ecSec1() throws Exception {
    Path key = TestFiles.writeTraditional(dir.resolve("sec1.key"), ecClient.privateKey());
    assertThat(Files.readString(key)).contains("BEGIN EC PRIVATE KEY");
    assertLoads(ecClient, key, null);
  }

  @Test
  void ecSec1AfterEcParametersBlock() throws Exception {
    // "openssl ecparam -genkey" writes an EC PARAMETERS block before the key.
    Path key = TestFiles.writeTraditional(dir.resolve("sec1-params.key"), ecClient.privateKey());
    String params =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
    Files.writeString(key, params + Files.readString(key));
    assertLoads(ecClient, key, null);
  }

  @Test
  void legacyEncryptedPkcs1() throws Exception {
    Path key =
        TestFiles.writeTraditionalEncrypted(
            dir.resolve("pkcs1-enc.key"), rsaClient.privateKey(), PASSWORD);
    assertThat(Files.readString(key)).contains("Proc-Type: 4,ENCRYPTED");
    assertLoads(rsaClient, key, PASSWORD);
  }

  @Test
  void pkcs12WithPassword() throws Exception {
    Path p12 = TestFiles.writePkcs12(dir.resolve("gw.p12"), ecClient, PASSWORD);
    assertThat(TlsContextFactory.create(TlsFiles.pkcs12(ca, p12, PASSWORD, false))).isNotNull();
  }

  @Test
  void socketsSpeakOnlyTls12And13AndCheckTheHostName() throws Exception {
    Path key = TestFiles.writePkcs8(dir.resolve("sockets.key"), ecClient.privateKey());
    SSLSocketFactory factory =
        TlsContextFactory.create(TlsFiles.pem(ca, cert(ecClient, "sockets.pem"), key, null, false));
    try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
      assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
      assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }
  }

  @Test
  void filesMustNameOneIdentity() {
    Path any = dir.resolve("any");
    assertThatThrownBy(() -> new TlsFiles(any, any, any, any, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> new TlsFiles(any, any, null, null, null, false))
        .hasMessageContaining("key is missing");
    assertThatThrownBy(() -> new TlsFiles(any, null, null, null, null, false))
        .hasMessageContaining("either cert and key, or p12");
  }

  @Test
  void toStringHidesThePassword() {
    Path any = dir.resolve("any");
    assertThat(TlsFiles.pkcs12(any, any, PASSWORD, false).toString())
        .doesNotContain("correct horse")
        .contains("password=***");
  }

  private static void assertLoads(Issued identity, Path key, char[] password) throws Exception {
    Path cert = cert(identity, key.getFileName() + ".pem");
    assertThat(TlsContextFactory.create(TlsFiles.pem(ca, cert, key, password, false))).isNotNull();
  }

  private static Path cert(Issued identity, String name) throws Exception {
    return TestFiles.writeCertificates(dir.resolve(name), identity.certificate());
  }
}
