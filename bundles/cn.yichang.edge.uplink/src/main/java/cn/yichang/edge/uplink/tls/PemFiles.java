package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Certificates and private keys from PEM files, in every key layout OpenSSL writes: PKCS#8 ({@code
 * BEGIN PRIVATE KEY}), encrypted PKCS#8, PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code
 * BEGIN EC PRIVATE KEY}), the last two also with OpenSSL's legacy encryption headers. The common
 * unencrypted files are read by {@link JdkPem} with the JDK alone; BouncyCastle reads the rest and
 * explains what cannot be read.
 */
final class PemFiles {

  /**
   * Used only to decrypt keys (the JDK lacks some of OpenSSL's ciphers and KDFs) and never
   * registered with {@link java.security.Security}, so that it does not change what other bundles
   * get. Keys and certificates themselves are made by the JDK's providers, which SunJSSE expects.
   * Created on first use: the provider loads several thousand classes, megabytes of metaspace that
   * a gateway with an unencrypted key never needs.
   */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  private PemFiles() {}

  /** Every certificate in the file, in file order; at least one. */
  static List<X509Certificate> certificates(Role role, Path file) throws TlsProblem {
    byte[] bytes = TlsFileReader.read(role, file);
    Optional<List<X509Certificate>> common = JdkPem.certificates(bytes);
    if (common.isPresent()) {
      return common.get();
    }
    List<Object> objects = pemObjects(role, file, bytes);
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : objects) {
      if (object instanceof X509CertificateHolder holder) {
        try {
          certificates.add(converter.getCertificate(holder));
        } catch (CertificateException e) {
          throw new TlsProblem(role, file, "holds a certificate the JDK cannot read: " + e, e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new TlsProblem(role, file, "contains no certificate (found " + found(objects) + ")");
    }
    return certificates;
  }

  /** The first private key in the file, decrypted with {@code password} if it is encrypted. */
  static PrivateKey privateKey(Path file, char[] password) throws TlsProblem {
    byte[] bytes = TlsFileReader.read(Role.KEY, file);
    Optional<PrivateKey> common = JdkPem.privateKey(bytes);
    if (common.isPresent()) {
      return common.get();
    }
    List<Object> objects = pemObjects(Role.KEY, file, bytes);
    for (Object object : objects) {
      PrivateKeyInfo info = keyInfo(file, object, password);
      if (info != null) {
        try {
          return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
          throw new TlsProblem(Role.KEY, file, "holds a key the JDK cannot use: " + e, e);
        }
      }
    }
    throw new TlsProblem(Role.KEY, file, "contains no private key (found " + found(objects) + ")");
  }

  /** The key of a PEM object, decrypted if need be; null if the object is not a private key. */
  private static PrivateKeyInfo keyInfo(Path file, Object object, char[] password)
      throws TlsProblem {
    if (object instanceof PrivateKeyInfo info) {
      return info;
    }
    if (object instanceof PEMKeyPair pair) {
      return pair.getPrivateKeyInfo();
    }
    try {
      if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        requirePassword(file, password);
        return encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
      }
      if (object instanceof PEMEncryptedKeyPair encrypted) {
        requirePassword(file, password);
        return encrypted
            .decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))
            .getPrivateKeyInfo();
      }
    } catch (PKCSException | IOException e) {
      // Both decryptors report a wrong password as a padding or decoding failure.
      throw new TlsProblem(
          Role.KEY, file, "cannot be decrypted: wrong password, or a damaged file", e);
    } catch (OperatorCreationException e) {
      throw new TlsProblem(Role.KEY, file, "uses an unsupported encryption: " + e.getMessage(), e);
    }
    return null;
  }

  private static void requirePassword(Path file, char[] password) throws TlsProblem {
    if (password == null || password.length == 0) {
      throw new TlsProblem(Role.KEY, file, "is encrypted, and no password is configured");
    }
  }

  private static List<Object> pemObjects(Role role, Path file, byte[] bytes) throws TlsProblem {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!text.contains("-----BEGIN ")) {
      throw new TlsProblem(
          role,
          file,
          "is not PEM (no '-----BEGIN' line); a DER file can be converted with openssl"
              + " (x509 -inform der, or pkey -inform der)");
    }
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      // PEMParser throws runtime exceptions too, for base64 or DER it cannot decode.
      throw new TlsProblem(role, file, "is not valid PEM: " + e.getMessage(), e);
    }
    return objects;
  }

  private static String found(List<Object> objects) {
    if (objects.isEmpty()) {
      return "nothing";
    }
    List<String> names = new ArrayList<>();
    for (Object object : objects) {
      names.add(name(object));
    }
    return String.join(", ", names);
  }

  private static String name(Object object) {
    if (object instanceof X509CertificateHolder) {
      return "a certificate";
    }
    if (object instanceof PrivateKeyInfo
        || object instanceof PEMKeyPair
        || object instanceof PKCS8EncryptedPrivateKeyInfo
        || object instanceof PEMEncryptedKeyPair) {
      return "a private key";
    }
    if (object instanceof SubjectPublicKeyInfo) {
      return "a public key";
    }
    if (object instanceof PKCS10CertificationRequest) {
      return "a certificate request";
    }
    if (object instanceof X509CRLHolder) {
      return "a CRL";
    }
    if (object instanceof ASN1ObjectIdentifier) {
      return "EC parameters";
    }
    return object.getClass().getSimpleName();
  }
}
