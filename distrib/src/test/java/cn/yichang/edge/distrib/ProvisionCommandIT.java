package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sanxia-edge provision through the script: identity, a key and request made by the gateway,
 * signed by the test CA, imported, and the uplink checked against a TLS Mosquitto that requires
 * client certificates.
 */
class ProvisionCommandIT {

  private static final String GATEWAY = "yc-prov-0001";
  private static final String ACCOUNT = "yichang";

  @TempDir Path dir;

  @BeforeEach
  void needsMosquitto() {
    Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
  }

  private Path site(Path certs, String url, Path ca, Path cert, Path key) throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(
        site,
        """
        # a gateway fresh from the factory
        gateway:
          id: factory-default    # provision identity sets it
          account: none
        buses: []
        devices: []
        store: {path: %s}
        uplink:
          url: %s
          tls: {ca: %s, cert: %s, key: %s}
        """
            .formatted(dir.resolve("state/buffer.db"), url, ca, cert, key));
    return site;
  }

  @Test
  void aKeyMadeOnTheGatewayAndSignedByTheCaPassesEveryStep() throws Exception {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
    Path certs = dir.resolve("certs");
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly());
        BrokerSubscriber platform =
            BrokerSubscriber.connect(broker, pki, ACCOUNT + "/" + GATEWAY + "/#")) {
      Path site =
          site(
              certs,
              broker.tlsUrl(),
              pki.caCert(),
              certs.resolve("gateway.pem"),
              certs.resolve("gateway.key"));

      GatewayProcess.Result identity =
          GatewayProcess.run(
              "provision",
              "identity",
              "--id",
              GATEWAY,
              "--account",
              ACCOUNT,
              "--config",
              site.toString());
      assertThat(identity.exitCode()).as(String.join("\n", identity.output())).isZero();
      assertThat(Files.readString(site))
          .contains("  id: " + GATEWAY + "    # provision identity sets it")
          .startsWith("# a gateway fresh from the factory\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site)))
          .isEqualTo("rw-------");

      GatewayProcess.Result key =
          GatewayProcess.run(
              "provision", "key", "--dir", certs.toString(), "--config", site.toString());
      assertThat(key.exitCode()).as(String.join("\n", key.output())).isZero();
      assertThat(key.output()).anyMatch(l -> l.contains("(CN=" + GATEWAY + ")"));

      Path signed =
          TestPki.signRequest(
              pki, certs.resolve("gateway.csr"), dir.resolve("from-the-ca.pem"), Instant.now());
      GatewayProcess.Result cert =
          GatewayProcess.run(
              "provision",
              "cert",
              "--dir",
              certs.toString(),
              "--cert",
              signed.toString(),
              "--ca",
              pki.caCert().toString());
      assertThat(cert.exitCode()).as(String.join("\n", cert.output())).isZero();
      assertThat(cert.output()).contains("subject: CN=" + GATEWAY, "issuer:  CN=Sanxia Test CA");

      GatewayProcess.Result check =
          GatewayProcess.run("provision", "check", "--config", site.toString());

      assertThat(check.exitCode()).as(String.join("\n", check.output())).isZero();
      assertThat(check.output())
          .anyMatch(l -> l.startsWith("1. DNS: OK"))
          .anyMatch(l -> l.startsWith("2. TCP: OK"))
          .anyMatch(l -> l.startsWith("3. TLS: OK") && l.contains("gateway CN=" + GATEWAY))
          .anyMatch(l -> l.startsWith("4. MQTT CONNECT: OK"))
          .anyMatch(
              l ->
                  l.startsWith("5. publish: OK")
                      && l.contains(ACCOUNT + "/" + GATEWAY + "/sanxia/check"))
          .contains("all 5 steps OK");
      assertThat(platform.awaitCount(1, Duration.ofSeconds(30)))
          .anyMatch(m -> m.topic().equals(ACCOUNT + "/" + GATEWAY + "/sanxia/check"));
    }
  }

  @Test
  void aCertificateOfAnotherCaFailsAtTheTlsStep() throws Exception {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
    try (MosquittoBroker broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly())) {
      Path site =
          site(
              dir,
              broker.tlsUrl(),
              pki.caCert(),
              pki.foreignGateway().cert(),
              pki.foreignGateway().key());

      GatewayProcess.Result check =
          GatewayProcess.run("provision", "check", "--config", site.toString());

      assertThat(check.exitCode()).as(String.join("\n", check.output())).isEqualTo(1);
      assertThat(check.output())
          .anyMatch(l -> l.startsWith("2. TCP: OK"))
          .anyMatch(
              l ->
                  l.startsWith("3. TLS: FAILED: ")
                      && l.contains(pki.foreignGateway().cert().toString()))
          .anyMatch(l -> l.startsWith("   check: "))
          .noneMatch(l -> l.contains("MQTT CONNECT"));
    }
  }
}
