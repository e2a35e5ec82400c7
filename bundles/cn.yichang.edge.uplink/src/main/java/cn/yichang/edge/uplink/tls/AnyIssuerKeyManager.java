package cn.yichang.edge.uplink.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The JDK's key manager, told to offer the gateway's one certificate whatever CA names the server
 * lists. The JDK's own would send no certificate when its issuer is not in the list, and the broker
 * would then log only "peer did not return a certificate" instead of why it refuses this one.
 */
final class AnyIssuerKeyManager extends X509ExtendedKeyManager {

  private final X509ExtendedKeyManager delegate;
  private final CertificateOffer offer;

  AnyIssuerKeyManager(X509ExtendedKeyManager delegate, CertificateOffer offer) {
    this.delegate = delegate;
    this.offer = offer;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    offer.requested();
    return delegate.chooseClientAlias(keyTypes, null, socket);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    offer.requested();
    return delegate.chooseEngineClientAlias(keyTypes, null, engine);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return delegate.getClientAliases(keyType, null);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return delegate.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate.getPrivateKey(alias);
  }

  // The gateway never serves TLS.

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
