package cn.yichang.edge.uplink.tls;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager over the CA file, with failures that say which file and which check.
 * The JDK puts this exception's message into the handshake failure, and so into Paho's exception
 * and the startup log. It extends {@link X509ExtendedTrustManager} and passes the socket on, so
 * that the JDK's host-name check (endpoint identification) still runs.
 */
final class CaFileTrustManager extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager delegate;
  private final Path caFile;

  CaFileTrustManager(X509ExtendedTrustManager delegate, Path caFile) {
    this.delegate = delegate;
    this.caFile = caFile;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw explain(chain, authType, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw explain(chain, authType, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw explain(chain, authType, e);
    }
  }

  /**
   * Tells a certificate no CA in the file signed from one issued for another host name: the check
   * without the socket skips the host name, so if it passes, the host name was the problem.
   */
  private CertificateException explain(
      X509Certificate[] chain, String authType, CertificateException failure) {
    String subject =
        chain == null || chain.length == 0
            ? "(none sent)"
            : chain[0].getSubjectX500Principal().getName();
    boolean chainTrusted;
    try {
      delegate.checkServerTrusted(chain, authType);
      chainTrusted = true;
    } catch (CertificateException | RuntimeException e) {
      chainTrusted = false;
    }
    String message =
        chainTrusted
            ? "broker certificate "
                + subject
                + " is not valid for the host name in the uplink url ("
                + failure.getMessage()
                + "); the url must name the broker as its certificate does"
            : "broker certificate "
                + subject
                + " is not trusted by CA file "
                + caFile
                + " ("
                + failure.getMessage()
                + ")";
    return new CertificateException(message, failure);
  }

  // The gateway is only ever a client: the client-side checks just delegate.

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
