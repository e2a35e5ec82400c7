package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client socket factory for test clients: trusts the given CA file, presents the given
 * certificate. Host-name verification is left to the MQTT client's option, which the test clients
 * keep on.
 */
public final class ClientTls {

  private ClientTls() {}

  public static SSLSocketFactory socketFactory(Path caCert, Credentials identity)
      throws IOException {
    try {
      char[] password = "in-memory".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      List<X509Certificate> chain = PemIo.readCertificates(identity.cert());
      keys.setKeyEntry(
          "client",
          PemIo.readPrivateKey(identity.key()),
          password,
          chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
      keyManagers.init(keys, password);

      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      List<X509Certificate> authorities = PemIo.readCertificates(caCert);
      for (int i = 0; i < authorities.size(); i++) {
        trusted.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
      trustManagers.init(trusted);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build a TLS client from " + identity, e);
    }
  }
}
