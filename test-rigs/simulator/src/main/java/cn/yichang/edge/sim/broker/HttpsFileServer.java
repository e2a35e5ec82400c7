package cn.yichang.edge.sim.broker;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An https server on a free loopback port, with the test PKI's server certificate ({@code
 * localhost}, signed by the test CA), serving byte arrays the test puts at paths: a download source
 * for gateways that trust the test CA.
 */
public final class HttpsFileServer implements AutoCloseable {
  private final HttpsServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private HttpsFileServer(HttpsServer server) {
    this.server = server;
  }

  public static HttpsFileServer start(PkiFiles pki) throws IOException {
    try {
      char[] password = "in-memory".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      List<X509Certificate> chain = PemIo.readCertificates(pki.server().cert());
      keys.setKeyEntry(
          "server",
          PemIo.readPrivateKey(pki.server().key()),
          password,
          chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(keys, password);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      HttpsFileServer files = new HttpsFileServer(server);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = files.files.get(exchange.getRequestURI().getPath());
            if (body == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                Integer stall = files.stallAfter.get(exchange.getRequestURI().getPath());
                if (stall == null) {
                  out.write(body);
                } else {
                  out.write(body, 0, stall);
                  out.flush();
                  files.awaitClosing();
                }
              }
            }
            exchange.close();
          });
      server.start();
      return files;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot start an https server with " + pki.server(), e);
    }
  }

  /** Serves {@code content} at {@code path} (starting with /) and returns its https URI. */
  public URI put(String path, byte[] content) {
    files.put(path, content.clone());
    return URI.create("https://localhost:" + server.getAddress().getPort() + path);
  }

  /**
   * Serves {@code content} at {@code path} with its full length announced, but stops after {@code
   * bytes} of it and sends nothing more until the server is closed: a transfer that stalls.
   */
  public URI stalling(String path, byte[] content, int bytes) {
    stallAfter.put(path, bytes);
    return put(path, content);
  }

  private void awaitClosing() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
