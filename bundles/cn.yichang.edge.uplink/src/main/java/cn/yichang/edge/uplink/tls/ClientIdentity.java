package cn.yichang.edge.uplink.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The gateway's private key and its certificate chain, leaf first.
 *
 * @param key the private key of {@code chain.get(0)}
 * @param chain the gateway's certificate, then any intermediates; never empty
 */
record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {

  ClientIdentity {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty certificate chain");
    }
  }

  X509Certificate certificate() {
    return chain.get(0);
  }
}
