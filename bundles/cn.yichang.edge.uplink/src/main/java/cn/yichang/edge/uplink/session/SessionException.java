package cn.yichang.edge.uplink.session;

/** A connection or publish failed; the message says why in words an operator can act on. */
public final class SessionException extends Exception {
  private static final long serialVersionUID = 1L;

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }

  public SessionException(String message) {
    super(message);
  }
}
