package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;

/** Writes test certificates and keys in each layout the site file may use, with mode 0600. */
final class TestFiles {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private TestFiles() {}

  static Path writeCertificates(Path file, X509Certificate... certificates) throws IOException {
    return writePem(file, certificates);
  }

  /** {@code BEGIN PRIVATE KEY}. */
  static Path writePkcs8(Path file, PrivateKey key) throws IOException {
    return writePem(file, new JcaPKCS8Generator(key, null));
  }

  /** {@code BEGIN ENCRYPTED PRIVATE KEY}, AES-256-CBC as OpenSSL 3 writes it. */
  static Path writeEncryptedPkcs8(Path file, PrivateKey key, char[] password) throws IOException {
    try {
      return writePem(
          file,
          new JcaPKCS8Generator(
              key,
              new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                  .setProvider(BC)
                  .setPassword(password)
                  .build()));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1). */
  static Path writeTraditional(Path file, PrivateKey key) throws IOException {
    return writePem(file, key.getAlgorithm().equals("EC") ? sec1(key) : key);
  }

  /**
   * SEC1 with the curve inside, as OpenSSL writes it. BouncyCastle's writer copies the inner key of
   * the JDK's PKCS#8 encoding, which names the curve only in the outer structure, so its SEC1 file
   * would not say which curve it is on.
   */
  private static PemObject sec1(PrivateKey key) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    ECPrivateKey withCurve =
        new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", withCurve.getEncoded());
  }

  /** PKCS#1 (RSA keys only) with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} headers. */
  static Path writeTraditionalEncrypted(Path file, PrivateKey key, char[] password)
      throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(
          key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password));
    }
    return writeOwnerOnly(file, text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  static Path writePkcs12(Path file, Issued identity, char[] password) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "gateway",
          identity.privateKey(),
          password,
          new X509Certificate[] {identity.certificate()});
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return file;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writePem(Path file, Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    }
    return writeOwnerOnly(file, text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static Path writeOwnerOnly(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
