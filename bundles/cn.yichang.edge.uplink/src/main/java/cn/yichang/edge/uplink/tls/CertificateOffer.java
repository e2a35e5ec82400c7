package cn.yichang.edge.uplink.tls;

/**
 * Whether the handshake of the latest socket got as far as the broker asking for the gateway's
 * certificate. A broker cannot have refused a certificate it was never sent: a connection closed
 * before that (a broker going down, restarting, or a port that is not its TLS listener) must not be
 * explained as a certificate problem. One per socket factory; the uplink's connection attempts
 * follow one another, so the latest socket is the attempt being explained.
 */
final class CertificateOffer {
  private volatile boolean requested;

  /** A new socket: a new attempt, nothing sent yet. */
  void newSocket() {
    requested = false;
  }

  /** The server sent CertificateRequest and the key manager is choosing what to send. */
  void requested() {
    requested = true;
  }

  boolean wasRequested() {
    return requested;
  }
}
