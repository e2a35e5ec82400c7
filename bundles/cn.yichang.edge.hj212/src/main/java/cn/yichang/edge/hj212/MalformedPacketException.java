package cn.yichang.edge.hj212;

/** A packet or data segment that does not follow HJ 212; the message says what is wrong. */
public final class MalformedPacketException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedPacketException(String message) {
    super(message);
  }
}
