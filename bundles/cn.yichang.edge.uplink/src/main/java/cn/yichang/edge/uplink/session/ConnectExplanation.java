package cn.yichang.edge.uplink.session;

import cn.yichang.edge.uplink.tls.HandshakeFailures;
import cn.yichang.edge.uplink.tls.TlsFiles;
import javax.net.ssl.SSLSocketFactory;

/** The operator's line for a failed connect: the uplink's log and {@code provision check} alike. */
public final class ConnectExplanation {
  private ConnectExplanation() {}

  /**
   * What the broker's answer to CONNECT says comes first (no CONNACK, closed on the CONNECT: an
   * MQTT 3.1.1-only broker); then, on a TLS url, every failure is explained with the file to look
   * at: a broker that refuses the gateway's certificate may show as a bare "Broken pipe" with no
   * SSLException in the chain (seen under load with TLS 1.3, where the client's certificate is
   * checked after its handshake ends).
   *
   * @param protocol the protocol the attempt started with: {@code mqtt5}, {@code mqtt3} or {@code
   *     auto}
   * @param tls the TLS files, {@code null} for a plaintext url
   */
  public static String of(
      String protocol,
      SessionOptions options,
      TlsFiles tls,
      SSLSocketFactory sockets,
      SessionException e) {
    return ConnectFailures.explain(protocol, options, e)
        .orElseGet(
            () -> tls == null ? e.getMessage() : HandshakeFailures.describe(tls, sockets, e));
  }
}
