package cn.yichang.edge.bus;

import java.io.IOException;

/** A transaction that did not yield a valid response. */
public abstract class TransactionException extends IOException {
  private static final long serialVersionUID = 1L;

  protected TransactionException(String message) {
    super(message);
  }

  /** Short reason put in place of a point's value, e.g. {@code timeout}. */
  public abstract String reason();
}
