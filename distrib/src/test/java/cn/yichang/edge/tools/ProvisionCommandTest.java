package cn.yichang.edge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.uplink.tls.IdentityFiles;
import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionCommandTest {

  @TempDir Path dir;
  private Path certs;
  private PkiFiles pki;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    certs = dir.resolve("certs");
    pki = TestPki.generate(dir.resolve("pki"), "yc-agri-0042");
  }

  private int run(String... args) {
    return new ProvisionCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            null)
        .run(List.of(args));
  }

  @Test
  void keyAndRequestRoundTripThroughTheCa() throws Exception {
    assertThat(run("key", "--dir", certs.toString(), "--id", "yc-agri-0042"))
        .as(err.toString())
        .isZero();

    Path key = certs.resolve("gateway.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(out.toString())
        .doesNotContain(Files.readString(key).lines().skip(1).findFirst().get());
    PKCS10CertificationRequest request;
    try (Reader reader = Files.newBufferedReader(certs.resolve("gateway.csr"));
        PEMParser parser = new PEMParser(reader)) {
      request = (PKCS10CertificationRequest) parser.readObject();
    }
    JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
    assertThat(jca.getSubject().toString()).isEqualTo("CN=yc-agri-0042");
    assertThat(jca.getPublicKey().getAlgorithm()).isEqualTo("EC");

    Path signed =
        TestPki.signRequest(
            pki, certs.resolve("gateway.csr"), dir.resolve("signed.pem"), Instant.now());
    out.reset();
    assertThat(
            run(
                "cert",
                "--dir",
                certs.toString(),
                "--cert",
                signed.toString(),
                "--ca",
                pki.caCert().toString()))
        .as(err.toString())
        .isZero();

    assertThat(out.toString())
        .contains("subject: CN=yc-agri-0042")
        .contains("issuer:  CN=Sanxia Test CA")
        .contains("expires: ")
        .contains("installed: " + certs.resolve("gateway.pem"));
    assertThat(Files.readString(certs.resolve("gateway.pem"))).isEqualTo(Files.readString(signed));
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    assertThat(run("key", "--dir", certs.toString(), "--id", "yc-agri-0042")).isZero();

    Path other = pki.ecGateway().cert();
    assertThat(
            run(
                "cert",
                "--dir",
                certs.toString(),
                "--cert",
                other.toString(),
                "--ca",
                pki.caCert().toString()))
        .isEqualTo(ProvisionCommand.FAILED);

    assertThat(err.toString())
        .contains("refused")
        .contains(certs.resolve("gateway.key").toString())
        .contains("does not match the certificate in " + other);
    assertThat(certs.resolve("gateway.pem")).doesNotExist();
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    assertThat(run("key", "--dir", certs.toString(), "--id", "yc-agri-0042")).isZero();
    Path expired =
        TestPki.signRequest(
            pki,
            certs.resolve("gateway.csr"),
            dir.resolve("expired.pem"),
            Instant.now().minus(Duration.ofDays(40)));

    assertThat(
            run(
                "cert",
                "--dir",
                certs.toString(),
                "--cert",
                expired.toString(),
                "--ca",
                pki.caCert().toString()))
        .isEqualTo(ProvisionCommand.FAILED);

    assertThat(err.toString()).contains(expired.toString()).contains("expired on");
    assertThat(certs.resolve("gateway.pem")).doesNotExist();
  }

  @Test
  void aCertificateOfAnotherCaIsRefused() throws Exception {
    assertThat(run("key", "--dir", certs.toString(), "--id", "yc-agri-0042")).isZero();
    Path signed =
        TestPki.signRequest(
            pki, certs.resolve("gateway.csr"), dir.resolve("signed.pem"), Instant.now());

    assertThat(
            run(
                "cert",
                "--dir",
                certs.toString(),
                "--cert",
                signed.toString(),
                "--ca",
                pki.otherCaCert().toString()))
        .isEqualTo(ProvisionCommand.FAILED);

    assertThat(err.toString())
        .contains(signed + ": certificate CN=yc-agri-0042")
        .contains("is not signed by the CA in " + pki.otherCaCert());
  }

  @Test
  void anExistingKeyIsNotReplacedUnlessForced() throws Exception {
    assertThat(run("key", "--dir", certs.toString(), "--id", "g1")).isZero();
    String first = Files.readString(certs.resolve("gateway.key"));

    assertThat(run("key", "--dir", certs.toString(), "--id", "g1"))
        .isEqualTo(ProvisionCommand.FAILED);
    assertThat(Files.readString(certs.resolve("gateway.key"))).isEqualTo(first);
    assertThat(run("key", "--dir", certs.toString(), "--id", "g1", "--force")).isZero();
    assertThat(Files.readString(certs.resolve("gateway.key"))).isNotEqualTo(first);
  }

  @Test
  void theGatewayIdComesFromTheSiteFile() throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        "gateway:\n  id: yc-pump-7\n  account: yichang\nuplink: {url: ssl://x:8883, tls: {ca: missing.pem}}\n");

    assertThat(run("key", "--dir", certs.toString(), "--config", site.toString()))
        .as(err.toString())
        .isZero();

    assertThat(out.toString()).contains("(CN=yc-pump-7)");
  }

  @Test
  void checkStopsAtTheFirstFailingStepAndSaysWhatToCheck() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        "gateway: {id: g1, account: a1}\nbuses: []\ndevices: []\nstore: {path: "
            + dir.resolve("buffer.db")
            + "}\nuplink: {url: tcp://127.0.0.1:"
            + closedPort
            + ", allow-plaintext: true}\n");

    assertThat(run("check", "--config", site.toString())).isEqualTo(ProvisionCommand.FAILED);

    assertThat(out.toString().lines())
        .contains("1. DNS: OK (127.0.0.1 is 127.0.0.1)")
        .anyMatch(l -> l.startsWith("2. TCP: FAILED: cannot connect to /127.0.0.1:" + closedPort))
        .anyMatch(l -> l.startsWith("   check: the port in uplink.url"))
        .noneMatch(l -> l.startsWith("3."));
  }

  @Test
  void checkOfAnInvalidSiteListsItsProblems() throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, "gateway: {id: g1}\nbuses: []\ndevices: []\n");

    assertThat(run("check", "--config", site.toString())).isEqualTo(ProvisionCommand.FAILED);

    assertThat(out.toString()).contains("site file: FAILED").contains(site + ":1: gateway.account");
  }

  private Path p12(String password) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "gateway",
        IdentityFiles.privateKey(pki.ecGateway().key(), null),
        password.toCharArray(),
        IdentityFiles.certificates(Role.CERTIFICATE, pki.ecGateway().cert())
            .toArray(new java.security.cert.Certificate[0]));
    Path file = dir.resolve("from-platform.p12");
    try (var stream = Files.newOutputStream(file)) {
      store.store(stream, password.toCharArray());
    }
    return file;
  }

  @Test
  void aPkcs12BundleIsCheckedAndInstalledPrivately() throws Exception {
    Path bundle = p12("s3cret");
    Path password = dir.resolve("password");
    Files.writeString(password, "s3cret\n");

    assertThat(
            run(
                "p12",
                "--dir",
                certs.toString(),
                "--file",
                bundle.toString(),
                "--password-file",
                password.toString(),
                "--ca",
                pki.caCert().toString()))
        .as(err.toString())
        .isZero();

    Path installed = certs.resolve("gateway.p12");
    assertThat(out.toString())
        .contains("subject: CN=yc-agri-0042")
        .contains("installed: " + installed);
    assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(bundle));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)))
        .isEqualTo("rw-------");
  }

  @Test
  void aPkcs12BundleOfAnotherCaIsRefused() throws Exception {
    Path bundle = p12("s3cret");
    Path password = dir.resolve("password");
    Files.writeString(password, "s3cret");

    assertThat(
            run(
                "p12",
                "--dir",
                certs.toString(),
                "--file",
                bundle.toString(),
                "--password-file",
                password.toString(),
                "--ca",
                pki.otherCaCert().toString()))
        .isEqualTo(ProvisionCommand.FAILED);

    assertThat(err.toString()).contains(bundle.toString()).contains("is not signed by the CA in");
    assertThat(certs.resolve("gateway.p12")).doesNotExist();
  }
}
