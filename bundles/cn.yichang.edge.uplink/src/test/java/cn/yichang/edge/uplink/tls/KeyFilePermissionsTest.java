package cn.yichang.edge.uplink.tls;

import static cn.yichang.edge.uplink.tls.TestCertificates.authority;
import static cn.yichang.edge.uplink.tls.TestCertificates.client;
import static cn.yichang.edge.uplink.tls.TlsProblemMessagesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key or PKCS#12 file open to group or others is refused unless the site file allows it. */
class KeyFilePermissionsTest {

  private static final char[] PASSWORD = "p12-pass".toCharArray();

  @TempDir Path dir;
  Path ca;
  Path cert;
  Path key;
  Path p12;

  @BeforeEach
  void files() throws Exception {
    Issued authority = authority("Sanxia Test CA");
    Issued gateway = client(authority, "gw-1", TestCertificates.ec());
    ca = TestFiles.writeCertificates(dir.resolve("ca.pem"), authority.certificate());
    cert = TestFiles.writeCertificates(dir.resolve("gw.pem"), gateway.certificate());
    key = TestFiles.writePkcs8(dir.resolve("gw.key"), gateway.privateKey());
    p12 = TestFiles.writePkcs12(dir.resolve("gw.p12"), gateway, PASSWORD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rwx--x---"})
  void looseKeyIsRefusedWithTheFix(String permissions) throws Exception {
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
    assertProblem(
        TlsFiles.pem(ca, cert, key, null, false),
        Role.KEY,
        key,
        "is open to users other than the gateway's own (permissions " + permissions + ")",
        "run: chmod 600 " + key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-------", "r--------"})
  void ownerOnlyKeyIsAccepted(String permissions) throws Exception {
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
    assertThat(TlsContextFactory.create(TlsFiles.pem(ca, cert, key, null, false))).isNotNull();
  }

  @Test
  void looseKeyIsAcceptedWhenAllowed() throws Exception {
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(TlsContextFactory.create(TlsFiles.pem(ca, cert, key, null, true))).isNotNull();
  }

  @Test
  void loosePkcs12IsRefused() throws Exception {
    Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-r--r--"));
    assertProblem(TlsFiles.pkcs12(ca, p12, PASSWORD, false), Role.PKCS12, p12, "chmod 600 " + p12);
    assertThat(TlsContextFactory.create(TlsFiles.pkcs12(ca, p12, PASSWORD, true))).isNotNull();
  }

  @Test
  void certificateAndCaFilesMayBeReadableByAll() throws Exception {
    Files.setPosixFilePermissions(cert, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(ca, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(TlsContextFactory.create(TlsFiles.pem(ca, cert, key, null, false))).isNotNull();
  }
}
