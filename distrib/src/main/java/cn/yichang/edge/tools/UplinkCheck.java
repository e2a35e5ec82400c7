package cn.yichang.edge.tools;

import cn.yichang.edge.site.UplinkSummary;
import cn.yichang.edge.uplink.session.ConnectExplanation;
import cn.yichang.edge.uplink.session.DeliveryListener;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.PahoSessionFactory;
import cn.yichang.edge.uplink.session.PahoSessionFactory.Protocol;
import cn.yichang.edge.uplink.session.SessionException;
import cn.yichang.edge.uplink.session.SessionOptions;
import cn.yichang.edge.uplink.tls.HandshakeFailures;
import cn.yichang.edge.uplink.tls.TlsContextFactory;
import cn.yichang.edge.uplink.tls.TlsFiles;
import cn.yichang.edge.uplink.tls.TlsProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code provision check}: the uplink of a site file, one step at a time: DNS, TCP, TLS (the site's
 * files, host name checked, through the uplink's own TLS factory), MQTT CONNECT and a QoS 1 publish
 * to the gateway's own topic {@code ACCOUNT/ID/sanxia/check}. Each step prints OK or what failed
 * and what to check; the first failure ends the check.
 */
final class UplinkCheck {

  private static final int TIMEOUT_MS = 10_000;

  /**
   * How long a TLS 1.3 handshake is watched after it completed: the broker checks the gateway's
   * certificate after the client's last handshake message and refuses it with an alert the client
   * only sees when it reads.
   */
  private static final int REFUSAL_WINDOW_MS = 2_000;

  private final PrintStream out;
  private int step;

  UplinkCheck(PrintStream out) {
    this.out = out;
  }

  int run(UplinkSummary site) {
    if (!site.errors().isEmpty()) {
      out.println("site file: FAILED; fix these first (bin/sanxia-edge validate):");
      site.errors().forEach(e -> out.println("  " + e));
      return ProvisionCommand.FAILED;
    }
    if (site.url() == null) {
      out.println("site file: FAILED: it has no uplink section: nothing to check");
      return ProvisionCommand.FAILED;
    }
    URI url;
    try {
      url = new URI(site.url());
    } catch (URISyntaxException e) {
      out.println("site file: FAILED: uplink.url: " + e.getMessage());
      return ProvisionCommand.FAILED;
    }
    boolean tls = !"tcp".equals(url.getScheme());
    String host = url.getHost();
    int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
    out.println("checking " + site.url() + " as gateway " + site.id() + " of " + site.account());

    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
      ok(
          "DNS",
          host
              + " is "
              + String.join(", ", Arrays.stream(addresses).map(a -> a.getHostAddress()).toList()));
    } catch (IOException e) {
      return failed(
          "DNS",
          "cannot resolve " + host + " (" + e.getMessage() + ")",
          "the host name in uplink.url, /etc/resolv.conf and the gateway's network link");
    }

    InetSocketAddress address = new InetSocketAddress(addresses[0], port);
    try (Socket socket = new Socket()) {
      socket.connect(address, TIMEOUT_MS);
      ok("TCP", "connected to " + address);
    } catch (IOException e) {
      return failed(
          "TCP",
          "cannot connect to " + address + " (" + e.getMessage() + ")",
          "the port in uplink.url, a firewall between the gateway and the platform, whether the"
              + " broker runs");
    }

    SSLSocketFactory factory = null;
    TlsFiles files = null;
    if (tls) {
      char[] password = site.password() == null ? null : site.password().toCharArray();
      files =
          site.p12() != null
              ? TlsFiles.pkcs12(site.ca(), site.p12(), password, site.allowLoosePermissions())
              : TlsFiles.pem(
                  site.ca(), site.cert(), site.key(), password, site.allowLoosePermissions());
      try {
        factory = TlsContextFactory.create(files);
      } catch (TlsProblem e) {
        return failed("TLS", e.getMessage(), "the file it names (provision cert, provision p12)");
      }
      try (SSLSocket socket = (SSLSocket) factory.createSocket(host, port)) {
        socket.setSoTimeout(TIMEOUT_MS);
        socket.startHandshake();
        socket.setSoTimeout(REFUSAL_WINDOW_MS);
        try {
          InputStream in = socket.getInputStream();
          if (in.read() < 0) {
            throw new java.io.EOFException("the broker closed the connection");
          }
        } catch (SocketTimeoutException quiet) {
          // the broker kept the connection open, waiting for CONNECT: it accepted the certificate
        }
        ok(
            "TLS",
            socket.getSession().getProtocol()
                + ", broker "
                + socket.getSession().getPeerPrincipal().getName()
                + ", gateway "
                + ((java.security.cert.X509Certificate)
                        socket.getSession().getLocalCertificates()[0])
                    .getSubjectX500Principal()
                    .getName());
      } catch (IOException e) {
        return failed(
            "TLS",
            HandshakeFailures.describe(files, e),
            "that the broker's CA is uplink.tls.ca, and that the platform trusts the CA that"
                + " signed the gateway's certificate");
      }
    }

    // The uplink's own sessions (Paho, MQTT 5 or 3.1.1 as the site says); another client id,
    // so that a running gateway keeps its session.
    String clientId = site.id() + "-check";
    String topic = site.account() + "/" + site.id() + "/sanxia/check";
    Protocol protocol =
        switch (String.valueOf(site.protocol())) {
          case "mqtt3" -> Protocol.MQTT3;
          case "auto" -> Protocol.AUTO;
          default -> Protocol.MQTT5;
        };
    PahoSessionFactory sessions = new PahoSessionFactory(protocol);
    SessionOptions options =
        new SessionOptions(
                site.url(),
                clientId,
                factory,
                Duration.ofSeconds(60),
                Duration.ofMillis(TIMEOUT_MS),
                1,
                null)
            .withWill(
                new SessionOptions.Will(
                    topic, "provision check: connection lost".getBytes(StandardCharsets.UTF_8), 0));
    MqttSession session;
    try {
      session = sessions.open(options, reason -> {});
    } catch (SessionException e) {
      return failed("MQTT CONNECT", e.getMessage(), "uplink.url");
    }
    try {
      try {
        session.connect();
        ok("MQTT CONNECT", sessions.protocolInUse() + ", client id " + clientId);
      } catch (SessionException e) {
        // The TLS step above saw the broker keep the connection after the handshake: a close now
        // is its answer to the CONNECT, not to the certificate.
        TlsFiles checked = files;
        SSLSocketFactory sockets = factory;
        return failed(
            "MQTT CONNECT",
            ConnectExplanation.of(protocol.key(), options, checked, sockets, e),
            "that the platform knows gateway " + site.id() + ", and the broker's log");
      }
      CompletableFuture<String> outcome = new CompletableFuture<>();
      try {
        session.publish(
            topic,
            ("provision check " + Instant.now()).getBytes(StandardCharsets.UTF_8),
            1,
            new DeliveryListener() {
              @Override
              public void delivered() {
                outcome.complete(null);
              }

              @Override
              public void refused(int reasonCode, String reason) {
                outcome.complete(
                    "refused by the broker, reason code 0x"
                        + Integer.toHexString(reasonCode)
                        + " ("
                        + reason
                        + ")");
              }

              @Override
              public void lost(String reason) {
                outcome.complete("not acknowledged: " + reason);
              }
            });
        String problem = outcome.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (problem != null) {
          return failed(
              "publish",
              "QoS 1 to " + topic + ": " + problem,
              "the broker's access rules for " + site.account() + "/" + site.id() + "/#");
        }
        ok("publish", "QoS 1 to " + topic + " acknowledged");
      } catch (SessionException | ExecutionException e) {
        return failed("publish", "QoS 1 to " + topic + ": " + e.getMessage(), "the broker's log");
      } catch (TimeoutException e) {
        return failed(
            "publish",
            "QoS 1 to " + topic + ": no PUBACK within " + TIMEOUT_MS / 1000 + " s",
            "the broker's log and load");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed("publish", "interrupted", "nothing");
      }
      session.disconnect(Duration.ofSeconds(1));
    } finally {
      session.close();
    }
    out.println("all " + step + " steps OK");
    return ProvisionCommand.OK;
  }

  private void ok(String name, String detail) {
    step++;
    out.println(step + ". " + name + ": OK (" + detail + ")");
  }

  private int failed(String name, String what, String check) {
    step++;
    out.println(step + ". " + name + ": FAILED: " + what);
    out.println("   check: " + check);
    return ProvisionCommand.FAILED;
  }

  static List<String> steps() {
    return List.of("DNS", "TCP", "TLS", "MQTT CONNECT", "publish");
  }
}
