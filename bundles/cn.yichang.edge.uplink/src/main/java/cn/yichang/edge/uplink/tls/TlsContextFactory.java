package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the uplink's TLS socket factory from the site file's files, checking them all at startup
 * so that a bad file is reported by name before the first connection attempt.
 *
 * <p>Give the result to Paho with {@code setSocketFactory(...)} and leave {@code
 * setHttpsHostnameVerificationEnabled(true)} (Paho's default) on the same options.
 */
public final class TlsContextFactory {

  private TlsContextFactory() {}

  /**
   * A socket factory for mutual TLS 1.2/1.3 with the gateway's identity, trusting only the CA file,
   * with HTTPS host-name checking on every socket.
   *
   * @throws TlsProblem naming the first file that is missing, unreadable, of the wrong kind, too
   *     open, expired or not yet valid, or whose key does not match its certificate
   */
  public static SSLSocketFactory create(TlsFiles files) throws TlsProblem {
    return create(files, Instant.now());
  }

  public static SSLSocketFactory create(TlsFiles files, Instant now) throws TlsProblem {
    List<X509Certificate> authorities = PemFiles.certificates(Role.CA, files.ca());
    ClientIdentity identity = identity(files);
    Role keyRole = files.usesPkcs12() ? Role.PKCS12 : Role.KEY;
    Path certificateFile = files.usesPkcs12() ? files.p12() : files.cert();
    KeyFilePermissions.check(keyRole, files.keyFile(), files.allowLoosePermissions());
    IdentityChecks.keyMatchesCertificate(keyRole, files.keyFile(), certificateFile, identity);
    Role certificateRole = files.usesPkcs12() ? Role.PKCS12 : Role.CERTIFICATE;
    IdentityChecks.currentlyValid(certificateRole, certificateFile, identity.certificate(), now);
    try {
      CertificateOffer offer = new CertificateOffer();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {keyManager(identity, offer)},
          new TrustManager[] {new CaFileTrustManager(trustManager(authorities), files.ca())},
          null);
      return new VerifyingSocketFactory(context.getSocketFactory(), offer);
    } catch (GeneralSecurityException e) {
      // The files passed every check above, so this is the JDK refusing a key or certificate.
      throw new TlsProblem(certificateRole, certificateFile, "cannot be used for TLS: " + e, e);
    }
  }

  private static ClientIdentity identity(TlsFiles files) throws TlsProblem {
    if (files.usesPkcs12()) {
      return Pkcs12Files.identity(files.p12(), files.password());
    }
    List<X509Certificate> chain = PemFiles.certificates(Role.CERTIFICATE, files.cert());
    return new ClientIdentity(PemFiles.privateKey(files.key(), files.password()), chain);
  }

  private static KeyManager keyManager(ClientIdentity identity, CertificateOffer offer)
      throws GeneralSecurityException {
    // The key store lives only in memory; its password protects nothing but is required.
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
    KeyStore store = emptyStore();
    store.setKeyEntry(
        "gateway", identity.key(), password, identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
    factory.init(store, password);
    for (KeyManager manager : factory.getKeyManagers()) {
      if (manager instanceof X509ExtendedKeyManager extended) {
        return new AnyIssuerKeyManager(extended, offer);
      }
    }
    throw new IllegalStateException("the JDK's PKIX KeyManagerFactory made no X509 manager");
  }

  private static X509ExtendedTrustManager trustManager(List<X509Certificate> authorities) {
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager extended) {
          return extended;
        }
      }
      throw new IllegalStateException("the JDK's PKIX TrustManagerFactory made no X509 manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a PKIX trust manager", e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("an empty in-memory key store cannot fail to load", e);
    }
    return store;
  }
}
