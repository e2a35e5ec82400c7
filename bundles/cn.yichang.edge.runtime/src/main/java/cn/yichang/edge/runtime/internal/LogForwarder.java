package cn.yichang.edge.runtime.internal;

import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards warnings and errors from the OSGi log (where SCR reports a component that failed to
 * activate, ConfigAdmin a bad configuration) to the gateway's log, so that they are seen.
 *
 * <p>Each is one line: what failed and why, the reason taken from the exception's causes (a
 * component that refuses its configuration throws a {@link ConfigurationException} naming the key).
 * The stack trace, which says nothing to an installer, goes to DEBUG.
 */
@Component(immediate = true)
public final class LogForwarder implements LogListener {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.osgi");

  private final LogReaderService reader;

  @Activate
  public LogForwarder(@Reference LogReaderService reader) {
    this.reader = reader;
    reader.addLogListener(this);
  }

  @Deactivate
  void deactivate() {
    reader.removeLogListener(this);
  }

  @Override
  public void logged(LogEntry entry) {
    String origin = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
    Throwable e = entry.getException();
    String line = origin + ": " + entry.getMessage() + (e == null ? "" : ": " + reason(e));
    switch (entry.getLogLevel()) {
      case AUDIT, ERROR -> LOG.error(line);
      case WARN -> LOG.warn(line);
      default -> {
        // Debug and info chatter of the runtime bundles stays out of the gateway's log.
        return;
      }
    }
    if (e != null) {
      LOG.debug("{}: stack trace", origin, e);
    }
  }

  /**
   * Why it failed: a refused configuration's key and reason; otherwise the innermost cause, past
   * the wrappers of reflection and SCR, which carry no message of their own.
   */
  static String reason(Throwable e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConfigurationException c) {
        return c.getProperty() == null ? c.getReason() : c.getProperty() + ": " + c.getReason();
      }
      innermost = t;
    }
    String message = innermost.getMessage();
    return message == null || message.isBlank()
        ? innermost.getClass().getName()
        : innermost instanceof IllegalArgumentException
                || innermost instanceof IllegalStateException
            ? message
            : innermost.getClass().getSimpleName() + ": " + message;
  }
}
