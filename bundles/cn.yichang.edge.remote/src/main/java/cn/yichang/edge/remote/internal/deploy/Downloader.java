package cn.yichang.edge.remote.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Fetches a deployment package over https only, trusting the JVM's CAs and the CA file the uplink
 * trusts, with a size limit, a time limit and the hash the request gives ({@code dp.download.hash},
 * {@code ALGORITHM:hex}, e.g. {@code SHA-256:...} or {@code MD5:...}).
 */
final class Downloader {

  /** Told the bytes received so far and the total when known (-1 otherwise). */
  interface Progress {
    void at(long received, long total);
  }

  private final SSLContext tls;
  private final Duration timeout;

  Downloader(SSLContext tls, Duration timeout) {
    this.tls = tls;
    this.timeout = timeout;
  }

  /**
   * @throws IllegalArgumentException a URI that is not https, a malformed or mismatching hash, too
   *     large
   * @throws IOException the transfer failed
   */
  Path download(URI uri, String hash, long maxBytes, Path target, Progress progress)
      throws IOException, InterruptedException {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("only https:// downloads are accepted, not " + uri);
    }
    MessageDigest digest = null;
    String expected = null;
    if (hash != null && !hash.isBlank()) {
      int colon = hash.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("dp.download.hash: expected ALGORITHM:hex, got " + hash);
      }
      try {
        digest = MessageDigest.getInstance(hash.substring(0, colon).toUpperCase(Locale.ROOT));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalArgumentException("dp.download.hash: unknown algorithm in " + hash, e);
      }
      expected = hash.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      // the connect, the TLS handshake or the wait for the headers: the server said nothing
      throw new IOException("no data from " + uri + " within " + timeout.toSeconds() + " s", e);
    }
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    long total = response.headers().firstValueAsLong("content-length").orElse(-1);
    if (total > maxBytes) {
      response.body().close();
      throw new IllegalArgumentException(uri + " is " + total + " bytes, more than " + maxBytes);
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    long received = 0;
    try (InputStream in = response.body();
        OutputStream out = Files.newOutputStream(partial)) {
      byte[] buffer = new byte[16 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received += n;
        if (received > maxBytes) {
          throw new IllegalArgumentException(uri + " is more than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
        if (digest != null) {
          digest.update(buffer, 0, n);
        }
        progress.at(received, total);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    if (digest != null) {
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(expected)) {
        Files.deleteIfExists(partial);
        throw new IllegalArgumentException(
            "dp.download.hash mismatch: expected " + expected + ", the file has " + actual);
      }
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** The JVM's trusted CAs and, when given, the certificates of a PEM file. */
  static SSLContext trusting(Path caFile) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    TrustManagerFactory jvm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jvm.init((KeyStore) null);
    int i = 0;
    for (var tm : jvm.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        for (X509Certificate c : x.getAcceptedIssuers()) {
          store.setCertificateEntry("jvm-" + i++, c);
        }
      }
    }
    if (caFile != null && Files.isRegularFile(caFile)) {
      try (InputStream in = Files.newInputStream(caFile)) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("site-" + i++, c);
        }
      }
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
