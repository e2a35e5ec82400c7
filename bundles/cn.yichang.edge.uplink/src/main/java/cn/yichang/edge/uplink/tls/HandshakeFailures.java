package cn.yichang.edge.uplink.tls;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;

/**
 * Turns a failed TLS connection into a log line that names the file to look at. The gateway's own
 * checks of the broker certificate already name the CA file; when the broker refuses the gateway's
 * certificate, all the gateway learns is a TLS alert, and this says what the alert means.
 */
public final class HandshakeFailures {

  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

  private HandshakeFailures() {}

  /**
   * A one-line explanation of a failed connection attempt (not of a connection lost later), for
   * example from the cause chain of Paho's {@code MqttException}; log the exception with it.
   *
   * <p>Call it for every failed attempt on a TLS url, not only when an {@code SSLException} is in
   * the chain: mosquitto refuses a client certificate by closing the connection, and Paho then
   * reports a bare {@code SocketException} ("Broken pipe" or "Connection reset").
   */
  public static String describe(TlsFiles files, Throwable failure) {
    return describe(files, null, failure);
  }

  /**
   * As {@link #describe(TlsFiles, Throwable)}, knowing from {@code sockets} (the factory of {@link
   * TlsContextFactory}) whether the broker had asked for the gateway's certificate when the
   * connection closed; a connection closed before that is not blamed on the certificate.
   */
  public static String describe(TlsFiles files, SocketFactory sockets, Throwable failure) {
    boolean certificateAsked =
        !(sockets instanceof VerifyingSocketFactory verifying) || verifying.certificateRequested();
    Path identityFile = files.usesPkcs12() ? files.p12() : files.cert();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("broker certificate ")) {
        return message;
      }
      Matcher alert = ALERT.matcher(message);
      if (t instanceof SSLException && alert.find()) {
        return explainAlert(alert.group(1).toLowerCase(Locale.ROOT), identityFile);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return "cannot reach the broker: " + t;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // A broker that refuses a certificate sends its alert and closes at once; the gateway may
      // then see the closed connection rather than the alert.
      if (t instanceof SocketException || t instanceof EOFException || t instanceof SSLException) {
        if (!certificateAsked) {
          return "the broker closed the connection during the TLS handshake, before it asked for"
              + " the gateway's certificate ("
              + t.getMessage()
              + "): it was going down or restarting, or the port is not its TLS listener";
        }
        return "the broker closed the connection during the TLS handshake ("
            + t.getMessage()
            + "); if it refused the gateway's certificate in "
            + identityFile
            + ", the broker's log says why";
      }
    }
    return "connection failed: " + failure;
  }

  private static String explainAlert(String alert, Path identityFile) {
    return switch (alert) {
      case "bad_certificate",
              "unknown_ca",
              "certificate_unknown",
              "certificate_expired",
              "certificate_revoked",
              "unsupported_certificate",
              "access_denied",
              "decrypt_error" ->
          "the broker refused the gateway's certificate in "
              + identityFile
              + " (TLS alert "
              + alert
              + "): is it signed by a CA the broker trusts, valid, and not revoked?";
      case "certificate_required" ->
          "the broker requires a client certificate and got none;" + " check " + identityFile;
      case "protocol_version", "handshake_failure", "insufficient_security" ->
          "the broker and"
              + " the gateway share no TLS version or cipher suite (TLS alert "
              + alert
              + "); the gateway speaks TLS 1.2 and 1.3 only";
      default -> "the broker ended the TLS handshake with alert " + alert;
    };
  }
}
