package cn.yichang.edge.uplink.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and key files for the TLS tests, made with BouncyCastle in the test so that no
 * fixture expires. Kept inside this package on purpose: the uplink's tests do not depend on the
 * simulator's {@code TestPki}.
 */
final class TestCertificates {

  /** A key pair with its certificate, and the certificate of whoever signed it. */
  record Issued(KeyPair keys, X509Certificate certificate) {
    PrivateKey privateKey() {
      return keys.getPrivate();
    }
  }

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final Duration DAY = Duration.ofDays(1);

  private TestCertificates() {}

  static KeyPair rsa() {
    return generate("RSA", null);
  }

  static KeyPair ec() {
    return generate("EC", new ECGenParameterSpec("secp256r1"));
  }

  static Issued authority(String commonName) {
    KeyPair keys = ec();
    Instant now = Instant.now();
    return new Issued(
        keys,
        sign(
            commonName,
            keys,
            commonName,
            keys.getPrivate(),
            now.minus(DAY),
            now.plus(DAY),
            true,
            List.of()));
  }

  static Issued client(Issued authority, String commonName, KeyPair keys) {
    Instant now = Instant.now();
    return issue(authority, commonName, keys, now.minus(DAY), now.plus(DAY), List.of());
  }

  static Issued server(Issued authority, KeyPair keys, GeneralName... alternativeNames) {
    Instant now = Instant.now();
    return issue(
        authority, "broker", keys, now.minus(DAY), now.plus(DAY), List.of(alternativeNames));
  }

  static Issued issue(
      Issued authority,
      String commonName,
      KeyPair keys,
      Instant notBefore,
      Instant notAfter,
      List<GeneralName> alternativeNames) {
    String issuer = authority.certificate().getSubjectX500Principal().getName();
    return new Issued(
        keys,
        sign(
            commonName,
            keys,
            issuer,
            authority.privateKey(),
            notBefore,
            notAfter,
            false,
            alternativeNames));
  }

  static GeneralName dns(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  static GeneralName ip(String address) {
    return new GeneralName(GeneralName.iPAddress, address);
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec);
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      boolean authority,
      List<GeneralName> alternativeNames) {
    try {
      X500Name subjectName =
          subject.contains("=") ? new X500Name(subject) : new X500Name("CN=" + subject);
      X500Name issuerName =
          issuer.contains("=") ? new X500Name(issuer) : new X500Name("CN=" + issuer);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(notBefore),
              Date.from(notAfter),
              subjectName,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (authority) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      if (!alternativeNames.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(alternativeNames.toArray(new GeneralName[0])));
      }
      String algorithm =
          issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      ContentSigner signer =
          new JcaContentSignerBuilder(algorithm).setProvider(BC).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
