package cn.yichang.edge.bus;

/** A response that arrived but cannot be trusted: CRC error, short or malformed frame. */
public class CorruptFrameException extends TransactionException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public CorruptFrameException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  @Override
  public String reason() {
    return reason;
  }
}
