package cn.yichang.edge.bus;

public class ResponseTimeoutException extends TransactionException {
  private static final long serialVersionUID = 1L;

  public ResponseTimeoutException(String message) {
    super(message);
  }

  @Override
  public String reason() {
    return "timeout";
  }
}
