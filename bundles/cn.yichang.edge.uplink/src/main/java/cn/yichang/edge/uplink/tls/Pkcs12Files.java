package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The gateway's identity from a PKCS#12 file: its first private key with that key's chain. */
final class Pkcs12Files {

  private Pkcs12Files() {}

  static ClientIdentity identity(Path file, char[] password) throws TlsProblem {
    byte[] bytes = TlsFileReader.read(Role.PKCS12, file);
    char[] storePassword = password == null ? new char[0] : password;
    KeyStore store = load(file, bytes, storePassword);
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, storePassword);
        Certificate[] chain = store.getCertificateChain(alias);
        if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
          continue;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : chain) {
          certificates.add((X509Certificate) certificate);
        }
        return new ClientIdentity(privateKey, certificates);
      }
    } catch (UnrecoverableKeyException e) {
      throw new TlsProblem(
          Role.PKCS12,
          file,
          "the private key inside has a password other than the file's; export it again"
              + " with one password",
          e);
    } catch (GeneralSecurityException e) {
      throw new TlsProblem(Role.PKCS12, file, "cannot be read: " + e, e);
    }
    throw new TlsProblem(
        Role.PKCS12, file, "contains no private key with its certificate (only certificates?)");
  }

  private static KeyStore load(Path file, byte[] bytes, char[] password) throws TlsProblem {
    if (new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
      throw new TlsProblem(
          Role.PKCS12, file, "is a PEM file, not PKCS#12: configure it as cert and key instead");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
      return store;
    } catch (IOException e) {
      // The JDK reports a failed integrity check (the usual wrong password) this way.
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new TlsProblem(Role.PKCS12, file, "wrong password (integrity check failed)", e);
      }
      throw new TlsProblem(Role.PKCS12, file, "is not a PKCS#12 file, or is damaged: " + e, e);
    } catch (GeneralSecurityException e) {
      throw new TlsProblem(Role.PKCS12, file, "cannot be read: " + e, e);
    }
  }
}
