package cn.yichang.edge.runtime.internal;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends java.util.logging (Paho's own logging, SPI Fly, the JDK) into the gateway's log instead of
 * JUL's console handler, which printed Paho's stack traces on the console beside the log.
 *
 * <p>JUL's own levels stay as {@code conf/logging.properties} sets them (WARNING): a record below
 * that is never made, so Paho's per-message FINE tracing costs one level check, and no
 * LevelChangePropagator is needed to keep the bridge cheap.
 *
 * <p>Paho's records are logged at DEBUG under their own logger names. Paho logs a lost connection
 * as SEVERE with the broken pipe's stack trace; the uplink already reports every loss in one WARN
 * line with the reason, so Paho's copy is detail for someone debugging the uplink, not a second
 * error for the operator. Other JUL records keep their weight: SEVERE is ERROR, WARNING is WARN.
 */
@Component(immediate = true)
public final class JulBridge extends Handler {

  private static final String PAHO = "org.eclipse.paho";

  private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
  private final Handler[] previous;

  @Activate
  public JulBridge() {
    previous = root.getHandlers();
    for (Handler h : previous) {
      root.removeHandler(h);
    }
    root.addHandler(this);
  }

  @Deactivate
  void deactivate() {
    root.removeHandler(this);
    for (Handler h : previous) {
      root.addHandler(h);
    }
  }

  @Override
  public void publish(LogRecord record) {
    String name = record.getLoggerName() == null ? "jul" : record.getLoggerName();
    Logger log = LoggerFactory.getLogger(name);
    String message = text(record);
    Throwable thrown = record.getThrown();
    int level = record.getLevel().intValue();
    if (name.startsWith(PAHO) || level < Level.INFO.intValue()) {
      log.debug(message, thrown);
    } else if (level >= Level.SEVERE.intValue()) {
      log.error(message, thrown);
    } else if (level >= Level.WARNING.intValue()) {
      log.warn(message, thrown);
    } else {
      log.info(message, thrown);
    }
  }

  /** The record's message with its parameters, as JUL's formatters would fill them in. */
  private static String text(LogRecord record) {
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    if (message == null || parameters == null || parameters.length == 0) {
      return String.valueOf(message);
    }
    try {
      return java.text.MessageFormat.format(message, parameters);
    } catch (IllegalArgumentException e) {
      return message;
    }
  }

  @Override
  public void flush() {
    // slf4j's appenders flush themselves
  }

  @Override
  public void close() {
    // nothing held
  }
}
