package cn.yichang.edge.remote.internal.deploy;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Fetches a deployment package over https only, trusting the JVM's CAs and the CA file the uplink
 * trusts, with a size limit, a time limit (for the headers, and for each wait for more of the body)
 * and the hash the request gives ({@code dp.download.hash}, {@code ALGORITHM:hex}, e.g. {@code
 * SHA-256:...} or {@code MD5:...}).
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
    BodyChunks body = new BodyChunks();
    HttpResponse.ResponseInfo response = headers(client, request, body, uri);
    if (response.statusCode() != 200) {
      body.cancel();
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    long total = response.headers().firstValueAsLong("content-length").orElse(-1);
    if (total > maxBytes) {
      body.cancel();
      throw new IllegalArgumentException(uri + " is " + total + " bytes, more than " + maxBytes);
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    long received = 0;
    try (FileChannel out = FileChannel.open(partial, CREATE, TRUNCATE_EXISTING, WRITE)) {
      for (List<ByteBuffer> chunk = body.next(timeout); chunk != null; chunk = body.next(timeout)) {
        for (ByteBuffer buffer : chunk) {
          received += buffer.remaining();
          if (received > maxBytes) {
            throw new IllegalArgumentException(uri + " is more than " + maxBytes + " bytes");
          }
          if (digest != null) {
            digest.update(buffer.duplicate());
          }
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
        }
        progress.at(received, total);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      body.cancel();
      Files.deleteIfExists(partial);
      if (e instanceof BodyChunks.Stalled) {
        throw new IOException(
            "no data from "
                + uri
                + " within "
                + timeout.toSeconds()
                + " s after "
                + received
                + " of "
                + (total < 0 ? "an unknown number of" : total)
                + " bytes",
            e);
      }
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

  /**
   * Sends the request and waits for the response's headers (bounded by the request's timeout); the
   * body then flows into {@code body}.
   */
  private HttpResponse.ResponseInfo headers(
      HttpClient client, HttpRequest request, BodyChunks body, URI uri)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(
            request,
            info -> {
              headers.complete(info);
              return HttpResponse.BodySubscribers.fromSubscriber(body);
            });
    exchange.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            headers.completeExceptionally(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          }
        });
    try {
      return headers.get();
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof HttpTimeoutException) {
        // the connect, the TLS handshake or the wait for the headers: the server said nothing
        throw new IOException(
            "no data from " + uri + " within " + timeout.toSeconds() + " s", failure);
      }
      throw failure instanceof IOException io ? io : new IOException(failure);
    }
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
