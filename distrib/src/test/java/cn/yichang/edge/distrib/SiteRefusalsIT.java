package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.broker.Credentials;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site files that {@code run} would refuse (issue 13): {@code validate} and {@code run} refuse them
 * with exit 2 and one {@code FILE:LINE: field: reason}, through the script, never a stack trace.
 */
class SiteRefusalsIT {

  @TempDir Path dir;
  private PkiFiles pki;

  @BeforeEach
  void pki() throws Exception {
    pki = TestPki.generate(dir.resolve("pki"), "gw-1");
  }

  @Test
  void aSiteFileAboveTheLimitIsRefusedBeforeParsingWithItsSize() throws Exception {
    StringBuilder yaml = new StringBuilder("gateway: {id: gw-1, account: yichang}\ndevices:\n");
    while (yaml.length() <= 1_100_000) {
      yaml.append("  - {id: soil-00001, profile: agriculture/soil-3in1, bus: b1, unit: 1}\n");
    }
    Path site = SiteFiles.write(dir, yaml.toString());
    long size = Files.size(site);

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":1: yaml: the file is " + size + " bytes, more than");
    }
  }

  @Test
  void aFileThatIsNotUtf8NamesTheLineAndByteOffset() throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.write(
        site,
        concat(
            "gateway: {id: gw-1, account: yichang}\n# caf".getBytes(), new byte[] {(byte) 0xE9}));

    assertRefused("validate", site, site + ":2: yaml: not UTF-8 text: byte 0xE9 at byte offset 43");
  }

  @Test
  void aReconnectMinOfZero() throws Exception {
    Path site = uplinkSite(pki.gateway(), "  reconnect-min: 0s\n");

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":8: uplink.reconnect-min: ");
    }
  }

  @Test
  void aKeyReadableByOthers() throws Exception {
    Files.setPosixFilePermissions(
        pki.gateway().key(), PosixFilePermissions.fromString("rw-r--r--"));
    Path site = uplinkSite(pki.gateway(), "");

    assertRefused("validate", site, site + ":7: uplink.tls.key: key file ");
    Path allowed = uplinkSite(pki.gateway(), "    allow-loose-permissions: true\n");
    assertThat(GatewayProcess.run("validate", "--config", allowed.toString()).exitCode()).isZero();
  }

  @Test
  void anExpiredCertificate() throws Exception {
    Path site = uplinkSite(pki.expiredGateway(), "");

    assertRefused("validate", site, site + ":6: uplink.tls.cert: certificate file ");
  }

  @Test
  void aCertificateNotYetValid() throws Exception {
    Path site = uplinkSite(futureCertificate(), "");

    assertRefused("validate", site, site + ":6: uplink.tls.cert: certificate file ");
  }

  /** Past MQTT's 65535 s, keepalive.s wrapped round into the uplink's range: both ran with 1 s. */
  @Test
  void aKeepaliveAboveMqttsLimit() throws Exception {
    Path site = uplinkSite(pki.gateway(), "  keepalive: 4294967297s\n");

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":8: uplink.keepalive: must be between 1s and 65535s");
    }
  }

  /** The store retried a directory it could never make with every group, each reading lost. */
  @Test
  void aStoreDirectoryThatCanNeverBeMade() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path site =
        SiteFiles.write(
            dir,
            "gateway: {id: gw-1, account: yichang}\nstore:\n  path: "
                + file.resolve("buffer.db")
                + "\n");

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":3: store.path: store: cannot create the directory of ");
    }
  }

  /** The site checked that the event script exists; only the GPIO runtime read it. */
  @Test
  void aBrokenEventScript() throws Exception {
    Path script = Files.writeString(dir.resolve("events.yaml"), "events:\n  - {at: soon}\n");
    Path site =
        SiteFiles.write(
            dir,
            "gateway: {id: gw-1, account: yichang}\ngpio:\n  provider: mock\n  script: "
                + script
                + "\n");

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":4: gpio.script: " + script + ":2: events[0]");
    }
  }

  /** CMD-V1's activation failed on Set.of's duplicate, which the site never looked for. */
  @Test
  void aCommandListedTwice() throws Exception {
    Path site =
        SiteFiles.write(
            dir, "gateway: {id: gw-1, account: yichang}\nremote:\n  commands: [uptime, uptime]\n");

    for (String command : List.of("validate", "run")) {
      assertRefused(command, site, site + ":3: remote.commands: \"uptime\" is listed twice");
    }
  }

  private void assertRefused(String command, Path site, String expected) throws Exception {
    GatewayProcess.Result result = GatewayProcess.run(command, "--config", site.toString());

    assertThat(result.exitCode()).as(command + ": " + result.output()).isEqualTo(2);
    assertThat(result.output()).anyMatch(l -> l.startsWith(expected));
    assertThat(result.output())
        .noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "))
        .noneMatch(l -> l.startsWith("sanxia-edge: started"));
  }

  /**
   * An uplink site; {@code extra} goes under {@code uplink:} (or under {@code tls:} if indented).
   */
  private Path uplinkSite(Credentials identity, String extra) throws Exception {
    String tlsExtra = extra.startsWith("    ") ? extra : "";
    String uplinkExtra = extra.startsWith("    ") ? "" : extra;
    return SiteFiles.write(
        dir,
        "gateway: {id: gw-1, account: yichang}\n"
            + "uplink:\n"
            + "  url: ssl://localhost:8883\n"
            + "  tls:\n"
            + "    ca: "
            + pki.caCert()
            + "\n    cert: "
            + identity.cert()
            + "\n    key: "
            + identity.key()
            + "\n"
            + tlsExtra
            + uplinkExtra);
  }

  /** A certificate from the test CA valid only from tomorrow on: a gateway clock set back. */
  private Credentials futureCertificate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Path key = dir.resolve("future.key");
    Path csr = dir.resolve("future.csr");
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(key))) {
      w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(csr))) {
      w.writeObject(
          new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=gw-1"), keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
    Path cert =
        TestPki.signRequest(
            pki, csr, dir.resolve("future.pem"), Instant.now().plus(Duration.ofDays(2)));
    return new Credentials(cert, key);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
