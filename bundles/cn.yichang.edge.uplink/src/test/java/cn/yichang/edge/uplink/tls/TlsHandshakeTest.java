package cn.yichang.edge.uplink.tls;

import static cn.yichang.edge.uplink.tls.TestCertificates.authority;
import static cn.yichang.edge.uplink.tls.TestCertificates.client;
import static cn.yichang.edge.uplink.tls.TestCertificates.dns;
import static cn.yichang.edge.uplink.tls.TestCertificates.ip;
import static cn.yichang.edge.uplink.tls.TestCertificates.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yichang.edge.uplink.tls.TestCertificates.Issued;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real handshakes between our client factory and a JDK server that demands a client certificate.
 * The client opens its socket the way Paho's {@code SSLNetworkModule} does: an unconnected socket,
 * connect, SNI parameters, then {@code "HTTPS"} endpoint identification if host-name verification
 * is enabled, then the handshake.
 */
class TlsHandshakeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  static Issued authority;
  static Issued goodServer;
  static TlsFiles gatewayFiles;
  static TlsFiles foreignFiles;

  @BeforeAll
  static void pki() throws Exception {
    authority = authority("Sanxia Test CA");
    goodServer = server(authority, TestCertificates.ec(), dns("localhost"), ip("127.0.0.1"));
    Path ca = TestFiles.writeCertificates(dir.resolve("ca.pem"), authority.certificate());
    Issued gateway = client(authority, "gw-1", TestCertificates.rsa());
    gatewayFiles =
        TlsFiles.pem(ca, write("gw.pem", gateway), writeKey("gw.key", gateway), null, false);
    Issued foreign = client(authority("Some Other CA"), "gw-1", TestCertificates.ec());
    foreignFiles =
        TlsFiles.pem(
            ca, write("foreign.pem", foreign), writeKey("foreign.key", foreign), null, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void mutualHandshakeCompletes(String host) throws Exception {
    try (JdkTlsServer server = new JdkTlsServer(goodServer, authority.certificate())) {
      try (SSLSocket socket =
          connectLikePaho(TlsContextFactory.create(gatewayFiles), host, server.port(), true)) {
        assertThat(socket.getInputStream().read()).isEqualTo(JdkTlsServer.GREETING);
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      }
      X509Certificate seenByServer = server.outcome().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(seenByServer.getSubjectX500Principal().getName()).isEqualTo("CN=gw-1");
    }
  }

  @Test
  void tls12ServerIsStillServed() throws Exception {
    try (JdkTlsServer server = new JdkTlsServer(goodServer, authority.certificate(), "TLSv1.2")) {
      try (SSLSocket socket =
          connectLikePaho(
              TlsContextFactory.create(gatewayFiles), "127.0.0.1", server.port(), true)) {
        assertThat(socket.getInputStream().read()).isEqualTo(JdkTlsServer.GREETING);
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      }
    }
  }

  @Test
  void clientCertificateFromAnotherCaIsRefusedByTheServer() throws Exception {
    try (JdkTlsServer server = new JdkTlsServer(goodServer, authority.certificate())) {
      // Under TLS 1.3 the client finishes first and learns of the refusal on its first read.
      Throwable clientFailure =
          catchThrowable(
              () -> {
                try (SSLSocket socket =
                    connectLikePaho(
                        TlsContextFactory.create(foreignFiles), "127.0.0.1", server.port(), true)) {
                  socket.getInputStream().read();
                }
              });
      // The server sends its alert and closes; the client sees one or the other.
      assertThat(clientFailure).isInstanceOfAny(SSLException.class, SocketException.class);
      assertThat(HandshakeFailures.describe(foreignFiles, clientFailure))
          .contains("the gateway's certificate in " + foreignFiles.cert());
      Throwable serverFailure =
          catchThrowable(() -> server.outcome().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      // The gateway offered its certificate although the server listed only its own CA.
      assertThat(serverFailure)
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("PKIX path building failed");
    }
  }

  @Test
  void serverCertificateWithoutTheRightNameFailsHostNameVerification() throws Exception {
    Issued elsewhere = server(authority, TestCertificates.ec(), dns("broker.elsewhere.example"));
    try (JdkTlsServer server = new JdkTlsServer(elsewhere, authority.certificate())) {
      // What Paho does with setHttpsHostnameVerificationEnabled(true).
      Throwable failure =
          catchThrowable(
              () ->
                  connectLikePaho(
                      TlsContextFactory.create(gatewayFiles), "127.0.0.1", server.port(), true));
      assertThat(failure)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("is not valid for the host name")
          .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
      assertThat(HandshakeFailures.describe(gatewayFiles, failure))
          .contains("is not valid for the host name");
    }
  }

  @Test
  void hostNameIsCheckedEvenIfPahosOptionIsOff() throws Exception {
    Issued elsewhere = server(authority, TestCertificates.ec(), dns("broker.elsewhere.example"));
    try (JdkTlsServer server = new JdkTlsServer(elsewhere, authority.certificate())) {
      Throwable failure =
          catchThrowable(
              () ->
                  connectLikePaho(
                      TlsContextFactory.create(gatewayFiles), "localhost", server.port(), false));
      assertThat(failure)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative DNS name matching localhost found");
    }
  }

  @Test
  void serverFromAnotherCaIsNotTrustedAndTheCaFileIsNamed() throws Exception {
    Issued stranger =
        server(authority("Stranger CA"), TestCertificates.ec(), dns("localhost"), ip("127.0.0.1"));
    try (JdkTlsServer server = new JdkTlsServer(stranger, authority.certificate())) {
      Throwable failure =
          catchThrowable(
              () ->
                  connectLikePaho(
                      TlsContextFactory.create(gatewayFiles), "127.0.0.1", server.port(), true));
      assertThat(failure)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining(
              "broker certificate CN=broker is not trusted by CA file " + gatewayFiles.ca());
      assertThat(HandshakeFailures.describe(gatewayFiles, new IOException("wrapped", failure)))
          .startsWith(
              "broker certificate CN=broker is not trusted by CA file " + gatewayFiles.ca());
    }
  }

  /** The steps of Paho 1.2.5's TCPNetworkModule and SSLNetworkModule.start(), mqttv3 and mqttv5. */
  private static SSLSocket connectLikePaho(
      SSLSocketFactory factory, String host, int port, boolean verifyHostName) throws IOException {
    SSLSocket socket = (SSLSocket) factory.createSocket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      SSLParameters sni = new SSLParameters();
      sni.setServerNames(List.of(new SNIHostName(host)));
      socket.setSSLParameters(sni);
      if (verifyHostName) {
        SSLParameters https = new SSLParameters();
        https.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(https);
      }
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Path write(String name, Issued identity) throws IOException {
    return TestFiles.writeCertificates(dir.resolve(name), identity.certificate());
  }

  private static Path writeKey(String name, Issued identity) throws IOException {
    return TestFiles.writePkcs8(dir.resolve(name), identity.privateKey());
  }
}
