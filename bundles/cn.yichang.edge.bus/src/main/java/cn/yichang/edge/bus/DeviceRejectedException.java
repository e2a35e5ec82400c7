package cn.yichang.edge.bus;

/** A well-formed response that says the device refused the request. */
public class DeviceRejectedException extends TransactionException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public DeviceRejectedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  @Override
  public String reason() {
    return reason;
  }
}
