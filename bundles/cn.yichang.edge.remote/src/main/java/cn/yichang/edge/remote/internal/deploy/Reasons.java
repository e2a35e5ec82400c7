package cn.yichang.edge.remote.internal.deploy;

/**
 * The reason a job failed, for the platform and the log: never {@code null}. The JDK's HTTP client
 * rethrows a failed connect as a {@code ConnectException} whose message is {@code null} and whose
 * cause says what happened; the first message along the cause chain is the one to report.
 */
final class Reasons {

  private Reasons() {}

  static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return t == failure ? message : failure.getClass().getSimpleName() + ": " + message;
      }
    }
    return failure.getClass().getSimpleName();
  }
}
