package cn.yichang.edge.uplink.tls;

import static cn.yichang.edge.uplink.tls.TestCertificates.authority;
import static cn.yichang.edge.uplink.tls.TestCertificates.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad file gives a startup error that names the file, its role and what is wrong. */
class TlsProblemMessagesTest {

  private static final char[] PASSWORD = "s3cret".toCharArray();

  @TempDir Path dir;
  Issued authority;
  Issued gateway;
  Path ca;
  Path cert;
  Path key;

  @BeforeEach
  void goodFiles() throws Exception {
    authority = authority("Sanxia Test CA");
    gateway = client(authority, "gw-1", TestCertificates.ec());
    ca = TestFiles.writeCertificates(dir.resolve("ca.pem"), authority.certificate());
    cert = TestFiles.writeCertificates(dir.resolve("gw.pem"), gateway.certificate());
    key = TestFiles.writePkcs8(dir.resolve("gw.key"), gateway.privateKey());
  }

  @Test
  void missingCaFile() {
    Path missing = dir.resolve("nowhere/ca.pem");
    assertProblem(
        TlsFiles.pem(missing, cert, key, null, false), Role.CA, missing, "does not exist");
  }

  @Test
  void caFileWithoutCertificate() throws Exception {
    Path keyAsCa = TestFiles.writePkcs8(dir.resolve("oops-ca.pem"), gateway.privateKey());
    assertProblem(
        TlsFiles.pem(keyAsCa, cert, key, null, false),
        Role.CA,
        keyAsCa,
        "contains no certificate (found a private key)");
  }

  @Test
  void caFileNotPem() throws Exception {
    Path der = Files.write(dir.resolve("ca.der"), authority.certificate().getEncoded());
    assertProblem(TlsFiles.pem(der, cert, key, null, false), Role.CA, der, "is not PEM");
  }

  @Test
  void emptyCaFile() throws Exception {
    Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
    assertProblem(TlsFiles.pem(empty, cert, key, null, false), Role.CA, empty, "is empty");
  }

  @Test
  void damagedPem() throws Exception {
    Path damaged =
        Files.writeString(
            dir.resolve("damaged.pem"),
            "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n");
    assertProblem(
        TlsFiles.pem(damaged, cert, key, null, false), Role.CA, damaged, "is not valid PEM");
  }

  @Test
  void certificateFileHoldingAKey() {
    assertProblem(
        TlsFiles.pem(ca, key, key, null, false),
        Role.CERTIFICATE,
        key,
        "contains no certificate (found a private key)");
  }

  @Test
  void keyFileHoldingACertificate() {
    assertProblem(
        TlsFiles.pem(ca, cert, cert, null, false),
        Role.KEY,
        cert,
        "contains no private key (found a certificate)");
  }

  @Test
  void missingKeyFile() {
    Path missing = dir.resolve("missing.key");
    assertProblem(
        TlsFiles.pem(ca, cert, missing, null, false), Role.KEY, missing, "does not exist");
  }

  @Test
  void keyPathIsADirectory() {
    assertProblem(TlsFiles.pem(ca, cert, dir, null, false), Role.KEY, dir, "is a directory");
  }

  @Test
  void keyOfAnotherCertificate() throws Exception {
    Path other = TestFiles.writePkcs8(dir.resolve("other.key"), TestCertificates.ec().getPrivate());
    assertProblem(
        TlsFiles.pem(ca, cert, other, null, false),
        Role.KEY,
        other,
        "does not match the certificate in " + cert,
        "CN=gw-1");
  }

  @Test
  void keyOfAnotherAlgorithm() throws Exception {
    Path rsa = TestFiles.writePkcs8(dir.resolve("rsa.key"), TestCertificates.rsa().getPrivate());
    assertProblem(
        TlsFiles.pem(ca, cert, rsa, null, false),
        Role.KEY,
        rsa,
        "holds a RSA key but the certificate in " + cert + " has a EC public key");
  }

  @Test
  void expiredCertificateGivesTheDates() throws Exception {
    Instant notAfter = Instant.parse("2024-03-01T00:00:00Z");
    Issued expired =
        TestCertificates.issue(
            authority,
            "gw-old",
            gateway.keys(),
            notAfter.minus(Duration.ofDays(365)),
            notAfter,
            List.of());
    Path expiredCert =
        TestFiles.writeCertificates(dir.resolve("expired.pem"), expired.certificate());
    assertProblem(
        TlsFiles.pem(ca, expiredCert, key, null, false),
        Role.CERTIFICATE,
        expiredCert,
        "certificate CN=gw-old expired on 2024-03-01T00:00:00Z",
        "valid from 2023-03-02T00:00:00Z until 2024-03-01T00:00:00Z");
  }

  @Test
  void certificateNotYetValidPointsAtTheClock() throws Exception {
    Instant notBefore =
        Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Issued future =
        TestCertificates.issue(
            authority,
            "gw-new",
            gateway.keys(),
            notBefore,
            notBefore.plus(Duration.ofDays(365)),
            List.of());
    Path futureCert = TestFiles.writeCertificates(dir.resolve("future.pem"), future.certificate());
    assertProblem(
        TlsFiles.pem(ca, futureCert, key, null, false),
        Role.CERTIFICATE,
        futureCert,
        "is not yet valid, valid only from " + notBefore,
        "clock");
  }

  @Test
  void encryptedKeyWithWrongPassword() throws Exception {
    Path encrypted =
        TestFiles.writeEncryptedPkcs8(dir.resolve("enc.key"), gateway.privateKey(), PASSWORD);
    assertProblem(
        TlsFiles.pem(ca, cert, encrypted, "wrong".toCharArray(), false),
        Role.KEY,
        encrypted,
        "cannot be decrypted: wrong password");
  }

  @Test
  void encryptedKeyWithoutPassword() throws Exception {
    Path encrypted =
        TestFiles.writeTraditionalEncrypted(
            dir.resolve("enc1.key"), gateway.privateKey(), PASSWORD);
    assertProblem(
        TlsFiles.pem(ca, cert, encrypted, null, false),
        Role.KEY,
        encrypted,
        "is encrypted, and no password is configured");
  }

  @Test
  void pkcs12WithWrongPassword() throws Exception {
    Path p12 = TestFiles.writePkcs12(dir.resolve("gw.p12"), gateway, PASSWORD);
    assertProblem(
        TlsFiles.pkcs12(ca, p12, "wrong".toCharArray(), false), Role.PKCS12, p12, "wrong password");
  }

  @Test
  void pemGivenAsPkcs12() {
    assertProblem(
        TlsFiles.pkcs12(ca, key, PASSWORD, false), Role.PKCS12, key, "is a PEM file, not PKCS#12");
  }

  @Test
  void garbageGivenAsPkcs12() throws Exception {
    Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {1, 2, 3, 4});
    assertProblem(
        TlsFiles.pkcs12(ca, garbage, PASSWORD, false),
        Role.PKCS12,
        garbage,
        "is not a PKCS#12 file");
  }

  static void assertProblem(TlsFiles files, Role role, Path file, String... fragments) {
    TlsProblem problem =
        catchThrowableOfType(TlsProblem.class, () -> TlsContextFactory.create(files));
    assertThat(problem).as("a TlsProblem for " + file).isNotNull();
    assertThat(problem.file()).isEqualTo(file);
    assertThat(problem.role()).isEqualTo(role);
    assertThat(problem.getMessage()).startsWith(role + " " + file + ": ").contains(fragments);
  }
}
