package cn.yichang.edge.uplink.tls;

import static cn.yichang.edge.uplink.tls.TestCertificates.authority;
import static cn.yichang.edge.uplink.tls.TestCertificates.client;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK-only reader takes the unencrypted layouts (written by BouncyCastle's PEM writer, an
 * independent producer) to the same keys, and declines what it leaves to BouncyCastle.
 */
class JdkPemTest {
  private static final char[] PASSWORD = "correct horse".toCharArray();

  @TempDir static Path dir;
  static Issued authority;
  static Issued second;
  static Issued rsa;
  static Issued ec;

  @BeforeAll
  static void makeCertificates() {
    authority = authority("Sanxia Test CA");
    second = authority("Second Test CA");
    rsa = client(authority, "gw-rsa", TestCertificates.rsa());
    ec = client(authority, "gw-ec", TestCertificates.ec());
  }

  @Test
  void readsPkcs8Pkcs1AndSec1KeysToTheSameKey() throws Exception {
    assertSameKey(rsa, TestFiles.writePkcs8(dir.resolve("rsa8.key"), rsa.privateKey()));
    assertSameKey(ec, TestFiles.writePkcs8(dir.resolve("ec8.key"), ec.privateKey()));
    assertSameKey(rsa, TestFiles.writeTraditional(dir.resolve("rsa1.key"), rsa.privateKey()));
    assertSameKey(ec, TestFiles.writeTraditional(dir.resolve("sec1.key"), ec.privateKey()));
  }

  @Test
  void skipsTheEcParametersBlockBeforeASec1Key() throws Exception {
    Path key = TestFiles.writeTraditional(dir.resolve("params.key"), ec.privateKey());
    Files.writeString(
        key,
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + Files.readString(key));
    assertSameKey(ec, key);
  }

  @Test
  void leavesEncryptedKeysToBouncyCastle() throws Exception {
    Path pkcs8 = TestFiles.writeEncryptedPkcs8(dir.resolve("enc8.key"), rsa.privateKey(), PASSWORD);
    Path legacy =
        TestFiles.writeTraditionalEncrypted(dir.resolve("enc1.key"), rsa.privateKey(), PASSWORD);
    assertThat(Files.readString(legacy)).contains("Proc-Type: 4,ENCRYPTED");
    assertThat(JdkPem.privateKey(Files.readAllBytes(pkcs8))).isEmpty();
    assertThat(JdkPem.privateKey(Files.readAllBytes(legacy))).isEmpty();
  }

  @Test
  void readsEveryCertificateOfABundleInOrder() throws Exception {
    Path bundle =
        TestFiles.writeCertificates(
            dir.resolve("ca.pem"), authority.certificate(), second.certificate());
    assertThat(JdkPem.certificates(Files.readAllBytes(bundle)))
        .contains(List.of(authority.certificate(), second.certificate()));
  }

  @Test
  void declinesWhatIsNotWellFormed() throws Exception {
    assertThat(JdkPem.certificates(bytes("no pem here"))).isEmpty();
    assertThat(
            JdkPem.certificates(
                bytes("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n")))
        .isEmpty();
    assertThat(
            JdkPem.certificates(
                bytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")))
        .isEmpty(); // base64 of three zero bytes: not a certificate
    assertThat(JdkPem.privateKey(bytes("-----BEGIN PRIVATE KEY-----\nAAAA\n"))).isEmpty();
    String first =
        Files.readString(
            TestFiles.writeCertificates(dir.resolve("first.pem"), authority.certificate()));
    String second =
        Files.readString(
            TestFiles.writeCertificates(
                dir.resolve("second.pem"), JdkPemTest.second.certificate()));
    // a block without its END line, then a good one: BouncyCastle is to say what is wrong
    assertThat(
            JdkPem.certificates(bytes(first.replace("-----END CERTIFICATE-----\n", "") + second)))
        .isEmpty();
    // a certificate under another label is not skipped silently
    assertThat(
            JdkPem.certificates(bytes(first + second.replace("CERTIFICATE", "X509 CERTIFICATE"))))
        .isEmpty();
    assertThat(
            JdkPem.privateKey(
                bytes("-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----\n")))
        .isEmpty(); // a SEC1 sequence without its key or curve
  }

  private static void assertSameKey(Issued identity, Path file) throws Exception {
    Optional<PrivateKey> key = JdkPem.privateKey(Files.readAllBytes(file));
    assertThat(key).isPresent();
    assertThat(key.get().getAlgorithm()).isEqualTo(identity.privateKey().getAlgorithm());
    // the same secret (encodings may differ in the optional public key inside SEC1)
    if (key.get() instanceof ECPrivateKey read) {
      ECPrivateKey original = (ECPrivateKey) identity.privateKey();
      assertThat(read.getS()).isEqualTo(original.getS());
      assertThat(read.getParams().getCurve()).isEqualTo(original.getParams().getCurve());
    } else {
      RSAPrivateKey read = (RSAPrivateKey) key.get();
      RSAPrivateKey original = (RSAPrivateKey) identity.privateKey();
      assertThat(read.getModulus()).isEqualTo(original.getModulus());
      assertThat(read.getPrivateExponent()).isEqualTo(original.getPrivateExponent());
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
