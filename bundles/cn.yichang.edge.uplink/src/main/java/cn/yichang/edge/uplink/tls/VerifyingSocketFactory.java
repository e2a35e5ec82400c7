package cn.yichang.edge.uplink.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes every socket speak TLS 1.2 or 1.3 only and check the server's host name the way HTTPS does.
 *
 * <p>Paho turns host-name checking on with {@code setHttpsHostnameVerificationEnabled(true)}; this
 * factory turns it on as well, so that a session that forgets the option, or a future Paho that
 * changes its default, still checks. Paho's later {@code setSSLParameters} for SNI does not undo
 * it: the JDK keeps an endpoint identification algorithm that new parameters leave null.
 */
final class VerifyingSocketFactory extends SSLSocketFactory {

  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLSocketFactory delegate;
  private final CertificateOffer offer;

  VerifyingSocketFactory(SSLSocketFactory delegate, CertificateOffer offer) {
    this.delegate = delegate;
    this.offer = offer;
  }

  /** Whether the broker asked for the gateway's certificate on the latest socket. */
  boolean certificateRequested() {
    return offer.wasRequested();
  }

  @Override
  public Socket createSocket() throws IOException {
    return configure(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    return configure(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  private Socket configure(Socket socket) {
    offer.newSocket();
    SSLSocket tls = (SSLSocket) socket;
    List<String> supported = Arrays.asList(tls.getSupportedProtocols());
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    return tls;
  }
}
