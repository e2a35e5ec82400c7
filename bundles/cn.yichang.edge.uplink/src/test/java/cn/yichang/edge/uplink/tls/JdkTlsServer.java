package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on 127.0.0.1 that demands a client certificate, built straight from the JDK so that
 * it checks our factory rather than sharing its code. It accepts one connection, completes the
 * handshake, writes one byte and closes; {@link #outcome()} holds the client's certificate or the
 * server's handshake failure.
 */
final class JdkTlsServer implements AutoCloseable {

  static final int GREETING = 42;

  private final SSLServerSocket serverSocket;
  private final CompletableFuture<X509Certificate> outcome = new CompletableFuture<>();

  JdkTlsServer(Issued server, X509Certificate trustedClientAuthority, String... protocols)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(server), trustManagers(trustedClientAuthority), null);
    serverSocket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    serverSocket.setNeedClientAuth(true);
    if (protocols.length > 0) {
      serverSocket.setEnabledProtocols(protocols);
    }
    Thread acceptor = new Thread(this::serveOne, "jdk-tls-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  CompletableFuture<X509Certificate> outcome() {
    return outcome;
  }

  private void serveOne() {
    try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
      socket.startHandshake();
      X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      OutputStream out = socket.getOutputStream();
      out.write(GREETING);
      out.flush();
      outcome.complete(peer);
    } catch (IOException | RuntimeException e) {
      outcome.completeExceptionally(e);
    }
  }

  private static javax.net.ssl.KeyManager[] keyManagers(Issued server)
      throws IOException, GeneralSecurityException {
    char[] password = "server".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", server.privateKey(), password, new X509Certificate[] {server.certificate()});
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static javax.net.ssl.TrustManager[] trustManagers(X509Certificate authority)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", authority);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    return factory.getTrustManagers();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
