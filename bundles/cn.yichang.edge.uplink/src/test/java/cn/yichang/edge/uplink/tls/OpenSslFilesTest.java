package cn.yichang.edge.uplink.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the openssl command line, as a site's administrator makes them, load too: an
 * independent producer beside the BouncyCastle writer of the other tests. Skipped without openssl.
 */
class OpenSslFilesTest {

  private static final String PASSWORD = "s3cret";

  @TempDir static Path dir;

  @BeforeAll
  static void makeFilesWithOpenSsl() throws Exception {
    assumeTrue(onPath("openssl"), "openssl is not installed");
    openssl(
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key"
            + " -out ca.pem -subj /CN=OpenSSL-CA -days 2");
    openssl("genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key");
    openssl("pkey -in rsa.key -traditional -out rsa-pkcs1.key");
    openssl(
        "pkcs8 -topk8 -in rsa.key -v2 aes-256-cbc -passout pass:" + PASSWORD + " -out rsa-enc.key");
    signClient("rsa");
    openssl(
        "pkcs12 -export -inkey rsa.key -in rsa.pem -passout pass:" + PASSWORD + " -out rsa.p12");
    // ecparam writes an EC PARAMETERS block before the SEC1 key.
    openssl("ecparam -name prime256v1 -genkey -out ec-sec1.key");
    signClient("ec-sec1");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }
  }

  @Test
  void pkcs8() throws Exception {
    assertThat(text("rsa.key")).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(TlsContextFactory.create(pem("rsa.pem", "rsa.key", null))).isNotNull();
  }

  @Test
  void pkcs1() throws Exception {
    assertThat(text("rsa-pkcs1.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(TlsContextFactory.create(pem("rsa.pem", "rsa-pkcs1.key", null))).isNotNull();
  }

  @Test
  void encryptedPkcs8() throws Exception {
    assertThat(text("rsa-enc.key")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(TlsContextFactory.create(pem("rsa.pem", "rsa-enc.key", PASSWORD.toCharArray())))
        .isNotNull();
  }

  @Test
  void sec1WithParameters() throws Exception {
    assertThat(text("ec-sec1.key")).contains("-----BEGIN EC PRIVATE KEY-----");
    assertThat(TlsContextFactory.create(pem("ec-sec1.pem", "ec-sec1.key", null))).isNotNull();
  }

  @Test
  void pkcs12AsOpenSsl3WritesIt() throws Exception {
    TlsFiles files =
        TlsFiles.pkcs12(
            dir.resolve("ca.pem"), dir.resolve("rsa.p12"), PASSWORD.toCharArray(), false);
    assertThat(TlsContextFactory.create(files)).isNotNull();
  }

  private static TlsFiles pem(String cert, String key, char[] password) {
    return TlsFiles.pem(
        dir.resolve("ca.pem"), dir.resolve(cert), dir.resolve(key), password, false);
  }

  private static void signClient(String name) throws Exception {
    openssl("req -new -key " + name + ".key -subj /CN=gw-" + name + " -out " + name + ".csr");
    openssl(
        "x509 -req -in "
            + name
            + ".csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1"
            + " -out "
            + name
            + ".pem");
  }

  private static String text(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  private static void openssl(String arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments.split(" ")));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("openssl " + arguments + "\n" + output).isZero();
  }

  private static boolean onPath(String command) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
        return true;
      }
    }
    return false;
  }
}
