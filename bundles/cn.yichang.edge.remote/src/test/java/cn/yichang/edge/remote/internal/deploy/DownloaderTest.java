package cn.yichang.edge.remote.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.sim.broker.HttpsFileServer;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from servers that do not behave, on 127.0.0.1. */
class DownloaderTest {

  @TempDir Path dir;

  @Test
  void aServerThatAcceptsAndNeverAnswersGivesNoDataWithinTheTimeout() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(server.accept()); // never a byte back, not even a TLS ServerHello
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      URI uri = URI.create("https://127.0.0.1:" + server.getLocalPort() + "/pkg.dp");
      Downloader downloader = new Downloader(Downloader.trusting(null), Duration.ofSeconds(2));

      assertThatThrownBy(
              () -> downloader.download(uri, null, 1024, dir.resolve("pkg.dp"), (r, t) -> {}))
          .isInstanceOf(IOException.class)
          .hasMessage("no data from " + uri + " within 2 s");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aBodyThatStopsComingGivesNoDataWithinTheTimeoutAndLeavesNoPartialFile() throws Exception {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), "gw-1");
    try (HttpsFileServer https = HttpsFileServer.start(pki)) {
      URI uri = https.stalling("/pkg.dp", new byte[100_000], 1000);
      Downloader downloader =
          new Downloader(Downloader.trusting(pki.caCert()), Duration.ofSeconds(2));
      List<Long> progress = new CopyOnWriteArrayList<>();

      assertThatThrownBy(
              () ->
                  downloader.download(
                      uri, null, 1 << 20, dir.resolve("pkg.dp"), (r, t) -> progress.add(r)))
          .isInstanceOf(IOException.class)
          .hasMessage("no data from " + uri + " within 2 s after 1000 of 100000 bytes");
      assertThat(progress).isNotEmpty().endsWith(1000L);
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      assertThat(dir.resolve("pkg.dp.part")).doesNotExist();
    }
  }

  @Test
  void aFailureWithoutAMessageIsReportedByItsCause() {
    // what the JDK's HTTP client throws for a connect that failed underneath
    ConnectException outer = new ConnectException();
    outer.initCause(new IOException("Connection reset by peer"));
    assertThat(Reasons.of(outer)).isEqualTo("ConnectException: Connection reset by peer");
    assertThat(Reasons.of(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
