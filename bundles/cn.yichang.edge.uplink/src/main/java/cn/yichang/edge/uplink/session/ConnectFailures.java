package cn.yichang.edge.uplink.session;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What a failed connect says about the broker, read from the exceptions Paho throws: Paho wraps a
 * failure to open the transport (TCP, TLS handshake) as reason code 0 around the I/O exception, and
 * one after CONNECT was sent as 32109 (connection lost) or as the CONNACK's refusal. That tells a
 * broker that closed the connection on the CONNECT, the MQTT 3.1.1-only broker's answer to MQTT 5,
 * apart from one that closed it during the TLS handshake.
 */
public final class ConnectFailures {

  /** How a connect attempt ended, as far as the protocol is concerned. */
  public enum Kind {
    /** Nothing came back in time: no TLS answer, or no CONNACK. */
    NO_ANSWER,
    /** The transport was up and the broker closed it on the CONNECT, without a CONNACK. */
    CLOSED_AFTER_CONNECT,
    /** The CONNACK said "unsupported protocol version" (MQTT 5 0x84, MQTT 3.1.1 return code 1). */
    PROTOCOL_REFUSED,
    /** Anything else: TCP, the TLS handshake, credentials; explained elsewhere. */
    OTHER
  }

  private static final int CLIENT_TIMEOUT = 32000;
  private static final int CONNECTION_LOST = 32109;
  private static final int MQTT5_UNSUPPORTED_PROTOCOL_VERSION = 0x84;
  private static final int MQTT3_INVALID_PROTOCOL_VERSION = 1;

  private ConnectFailures() {}

  /** The failure to throw when Paho's own timeout did not end the attempt first. */
  static SessionException noConnack(SessionOptions options) {
    Duration waited = options.connectDeadline();
    return new SessionException(
        "no CONNACK within " + waited.toSeconds() + " s from " + hostPort(options.serverUri()),
        new TimeoutException("connect deadline " + waited));
  }

  public static Kind kind(Throwable failure) {
    boolean lostAfterConnect = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
        return Kind.NO_ANSWER;
      }
      if (t instanceof SSLException) {
        return Kind.OTHER; // a TLS alert, even one read after CONNECT: a certificate matter
      }
      int code = pahoReasonCode(t);
      if (code == CLIENT_TIMEOUT) {
        return Kind.NO_ANSWER;
      }
      if (t instanceof org.eclipse.paho.mqttv5.common.MqttException
              && code == MQTT5_UNSUPPORTED_PROTOCOL_VERSION
          || t instanceof org.eclipse.paho.client.mqttv3.MqttException
              && code == MQTT3_INVALID_PROTOCOL_VERSION) {
        return Kind.PROTOCOL_REFUSED;
      }
      lostAfterConnect |= code == CONNECTION_LOST;
    }
    return lostAfterConnect ? Kind.CLOSED_AFTER_CONNECT : Kind.OTHER;
  }

  /** True when the broker refused MQTT 5 itself, so that MQTT 3.1.1 is worth a try. */
  public static boolean refusesMqtt5(Throwable failure) {
    Kind kind = kind(failure);
    return kind == Kind.CLOSED_AFTER_CONNECT || kind == Kind.PROTOCOL_REFUSED;
  }

  /**
   * The operator's line for the failures this class recognises; empty for {@link Kind#OTHER}.
   *
   * @param protocol the configured protocol: {@code mqtt5}, {@code mqtt3} or {@code auto}
   */
  public static Optional<String> explain(
      String protocol, SessionOptions options, SessionException failure) {
    String server = hostPort(options.serverUri());
    return switch (kind(failure)) {
      case NO_ANSWER ->
          Optional.of(
              "no CONNACK within "
                  + waited(options, failure).toSeconds()
                  + " s from "
                  + server
                  + ": it accepted the connection and then said nothing"
                  + (options.tls() ? " (not even to the TLS handshake)" : "")
                  + "; is this port the broker's "
                  + (options.tls() ? "TLS " : "")
                  + "MQTT listener, and is the broker overloaded?");
      case CLOSED_AFTER_CONNECT ->
          Optional.of(
              "mqtt5".equals(protocol)
                  ? "the broker "
                      + server
                      + " closed the connection after CONNECT without a CONNACK: it may not"
                      + " speak MQTT 5; try protocol: mqtt3 (or auto)"
                      + (options.tls()
                          ? ". Under TLS 1.3 a refused gateway certificate also shows only now:"
                              + " the broker's log says which"
                          : "")
                  : "the broker "
                      + server
                      + " closed the connection after CONNECT"
                      + ("auto".equals(protocol) ? " under MQTT 5 and under 3.1.1" : "")
                      + " without a CONNACK: it refused the gateway (its client id, or under TLS"
                      + " 1.3 its certificate); the broker's log says why");
      case PROTOCOL_REFUSED ->
          Optional.of(
              "the broker "
                  + server
                  + " answered CONNECT with \"unsupported protocol version\": "
                  + switch (protocol) {
                    case "mqtt5" -> "it does not speak MQTT 5; try protocol: mqtt3 (or auto)";
                    case "mqtt3" -> "it does not speak MQTT 3.1.1; try protocol: mqtt5";
                    default -> "it speaks neither MQTT 5 nor MQTT 3.1.1";
                  });
      case OTHER -> Optional.empty();
    };
  }

  /**
   * The socket's read timeout (Paho sets it to the connect timeout for the TLS handshake), else the
   * session's wait for the CONNACK token, which Paho ends with its client timeout (32000).
   */
  private static Duration waited(SessionOptions options, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return options.connectTimeout();
      }
    }
    return options.connectDeadline();
  }

  static String hostPort(String serverUri) {
    try {
      URI uri = new URI(serverUri);
      return uri.getHost() + ":" + uri.getPort();
    } catch (Exception e) {
      return serverUri;
    }
  }

  private static int pahoReasonCode(Throwable t) {
    if (t instanceof org.eclipse.paho.mqttv5.common.MqttException e) {
      return e.getReasonCode();
    }
    if (t instanceof org.eclipse.paho.client.mqttv3.MqttException e) {
      return e.getReasonCode();
    }
    return -1;
  }
}
