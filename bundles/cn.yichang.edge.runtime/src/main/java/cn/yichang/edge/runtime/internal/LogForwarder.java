package cn.yichang.edge.runtime.internal;

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
    switch (entry.getLogLevel()) {
      case AUDIT, ERROR -> LOG.error("{}: {}", origin, entry.getMessage(), entry.getException());
      case WARN -> LOG.warn("{}: {}", origin, entry.getMessage(), entry.getException());
      default -> {
        // Debug and info chatter of the runtime bundles stays out of the gateway's log.
      }
    }
  }
}
