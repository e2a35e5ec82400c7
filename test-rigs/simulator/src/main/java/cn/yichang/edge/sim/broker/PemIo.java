package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** Writes and reads the PEM files of the test PKI (unencrypted keys only: these are test keys). */
final class PemIo {

  private PemIo() {}

  static Path writeCertificate(Path file, X509Certificate certificate) throws IOException {
    return write(file, certificate);
  }

  /** {@code BEGIN PRIVATE KEY}, as OpenSSL 3 writes it. */
  static Path writePkcs8(Path file, PrivateKey key) throws IOException {
    return write(file, new JcaPKCS8Generator(key, null));
  }

  /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1). */
  static Path writeTraditional(Path file, PrivateKey key) throws IOException {
    return write(file, key.getAlgorithm().equals("EC") ? sec1(key) : key);
  }

  /**
   * SEC1 with the curve inside, as OpenSSL writes it. BouncyCastle's writer copies the inner key of
   * the JDK's PKCS#8 encoding, which names the curve only in the outer structure.
   */
  private static PemObject sec1(PrivateKey key) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    ECPrivateKey withCurve =
        new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", withCurve.getEncoded());
  }

  static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (CertificateException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException(file + ": no certificate");
    }
    return certificates;
  }

  /** An unencrypted PKCS#8, PKCS#1 or SEC1 key. */
  static PrivateKey readPrivateKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
      }
    }
    throw new IOException(file + ": no unencrypted private key");
  }

  private static Path write(Path file, Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    // Certificates too: mosquitto and the gateway read them as their own user, nobody else needs
    // to.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
