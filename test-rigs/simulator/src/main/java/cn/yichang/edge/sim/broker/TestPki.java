package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A throw-away PKI for tests against a TLS broker, made with BouncyCastle at test time so that no
 * committed fixture can expire. Certificates are valid from a day ago for 30 days, except the
 * expired one.
 */
public final class TestPki {

  private static final Duration DAY = Duration.ofDays(1);
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestPki() {}

  /** Writes the whole PKI into {@code dir} (created if need be). */
  public static PkiFiles generate(Path dir, String gatewayId) throws IOException {
    Files.createDirectories(dir);
    Instant now = Instant.now();
    KeyPair caKeys = ec();
    X509Certificate ca = sign("CN=Sanxia Test CA", caKeys.getPublic(), null, caKeys, now, Role.CA);
    KeyPair otherCaKeys = ec();
    X509Certificate otherCa =
        sign("CN=Some Other CA", otherCaKeys.getPublic(), null, otherCaKeys, now, Role.CA);
    Issuer issuer = new Issuer(ca, caKeys.getPrivate());

    KeyPair serverKeys = ec();
    X509Certificate server =
        sign("CN=localhost", serverKeys.getPublic(), ca, caKeys, now, Role.SERVER);
    KeyPair gatewayKeys = rsa();
    KeyPair ecGatewayKeys = ec();
    KeyPair foreignKeys = ec();
    KeyPair expiredKeys = ec();
    X509Certificate expired =
        sign(
            "CN=" + gatewayId,
            expiredKeys.getPublic(),
            ca,
            caKeys,
            now.minus(Duration.ofDays(31)),
            Role.CLIENT);

    return new PkiFiles(
        dir,
        gatewayId,
        PemIo.writeCertificate(dir.resolve("ca.pem"), ca),
        PemIo.writePkcs8(dir.resolve("ca.key"), caKeys.getPrivate()),
        write(dir, "server", server, serverKeys),
        write(dir, "gateway", issuer.client(gatewayId, gatewayKeys.getPublic(), now), gatewayKeys),
        PemIo.writeTraditional(dir.resolve("gateway-pkcs1.key"), gatewayKeys.getPrivate()),
        write(
            dir,
            "gateway-ec",
            issuer.client(gatewayId, ecGatewayKeys.getPublic(), now),
            ecGatewayKeys),
        PemIo.writeTraditional(dir.resolve("gateway-ec-sec1.key"), ecGatewayKeys.getPrivate()),
        issueClient(issuer, dir, "test-subscriber", now),
        PemIo.writeCertificate(dir.resolve("other-ca.pem"), otherCa),
        write(
            dir,
            "foreign-gateway",
            sign(
                "CN=" + gatewayId, foreignKeys.getPublic(), otherCa, otherCaKeys, now, Role.CLIENT),
            foreignKeys),
        write(dir, "expired-gateway", expired, expiredKeys));
  }

  /** One more client certificate (EC, PKCS#8 key) from the PKI's CA, e.g. for a second gateway. */
  public static Credentials issueClient(PkiFiles pki, String commonName) throws IOException {
    Issuer issuer =
        new Issuer(PemIo.readCertificates(pki.caCert()).get(0), PemIo.readPrivateKey(pki.caKey()));
    return issueClient(issuer, pki.dir(), commonName, Instant.now());
  }

  /**
   * Signs a PEM certificate request (PKCS#10) with the PKI's CA as a client certificate valid from
   * a day before {@code start} for 30 days, as the city CA does with the request of {@code
   * provision key}; writes the certificate (PEM) to {@code out}.
   */
  public static Path signRequest(PkiFiles pki, Path csr, Path out, Instant start)
      throws IOException {
    Object request;
    try (PEMParser parser = new PEMParser(Files.newBufferedReader(csr))) {
      request = parser.readObject();
    }
    if (!(request instanceof PKCS10CertificationRequest pkcs10)) {
      throw new IOException(csr + ": not a PEM certificate request");
    }
    try {
      JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(pkcs10);
      Issuer issuer =
          new Issuer(
              PemIo.readCertificates(pki.caCert()).get(0), PemIo.readPrivateKey(pki.caKey()));
      X509Certificate cert =
          sign(
              jca.getSubject().toString(),
              jca.getPublicKey(),
              issuer.certificate(),
              new KeyPair(null, issuer.key()),
              start,
              Role.CLIENT);
      return PemIo.writeCertificate(out, cert);
    } catch (GeneralSecurityException e) {
      throw new IOException(csr + ": cannot sign: " + e, e);
    }
  }

  private static Credentials issueClient(Issuer issuer, Path dir, String commonName, Instant now)
      throws IOException {
    KeyPair keys = ec();
    String name = commonName.replaceAll("[^A-Za-z0-9._-]", "_");
    return write(dir, name, issuer.client(commonName, keys.getPublic(), now), keys);
  }

  private static Credentials write(Path dir, String name, X509Certificate cert, KeyPair keys)
      throws IOException {
    return new Credentials(
        PemIo.writeCertificate(dir.resolve(name + ".pem"), cert),
        PemIo.writePkcs8(dir.resolve(name + ".key"), keys.getPrivate()));
  }

  private record Issuer(X509Certificate certificate, PrivateKey key) {
    X509Certificate client(String commonName, PublicKey subjectKey, Instant now) {
      return sign(
          "CN=" + commonName, subjectKey, certificate, new KeyPair(null, key), now, Role.CLIENT);
    }
  }

  private enum Role {
    CA,
    SERVER,
    CLIENT
  }

  /**
   * Signs a certificate valid from a day before {@code start} for 30 days. A null issuer makes it
   * self-signed with {@code signerKeys}.
   */
  private static X509Certificate sign(
      String subject,
      PublicKey subjectKey,
      X509Certificate issuer,
      KeyPair signerKeys,
      Instant start,
      Role role) {
    try {
      X500Name subjectName = new X500Name(subject);
      X500Name issuerName =
          issuer == null
              ? subjectName
              : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(start.minus(DAY)),
              Date.from(start.plus(Duration.ofDays(30))),
              subjectName,
              subjectKey);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
      if (issuer != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuer));
      }
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(role == Role.CA));
      switch (role) {
        case CA ->
            builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        case SERVER -> {
          builder.addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
          builder.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(
                  new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                  }));
        }
        case CLIENT ->
            builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      }
      PrivateKey signer = signerKeys.getPrivate();
      String algorithm = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot sign a test certificate for " + subject, e);
    }
  }

  private static KeyPair ec() {
    return generate("EC", 0);
  }

  private static KeyPair rsa() {
    return generate("RSA", 2048);
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
