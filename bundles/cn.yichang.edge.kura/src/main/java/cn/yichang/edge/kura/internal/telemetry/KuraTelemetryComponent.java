package cn.yichang.edge.kura.internal.telemetry;

import cn.yichang.edge.kura.KuraTelemetry;
import cn.yichang.edge.kura.telemetry.KuraTelemetryConfig;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.report.Reporter;
import cn.yichang.edge.store.MessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kura destination's stages up to its queue: every reading set goes through the reporting stage
 * ({@link Reporter}, under the configured policies), and what is worth sending is encoded as Kura
 * data ({@link KuraTelemetry}) and queued in the buffer. Runs on acquisition threads: it filters
 * and encodes in memory, and the store's enqueue does not wait.
 *
 * <p>The reporting state is saved every minute and at deactivation (a configuration change, so a
 * remote edit of {@code report:} applies at once and keeps what was sent), and loaded at start. A
 * kill -9 forgets at most the last minute: those points are sent once more, nothing is lost.
 */
@Component(
    configurationPid = KuraTelemetryConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = ReadingSink.ROLE_PROPERTY + "=" + ReadingSink.BUFFER_ROLE)
@Designate(ocd = KuraTelemetryConfig.class)
public final class KuraTelemetryComponent implements ReadingSink {
  private static final Logger LOG = LoggerFactory.getLogger(KuraTelemetryComponent.class);
  static final String DESTINATION = MessageStore.UPLINK;
  private static final long SAVE_EVERY_S = 60;

  private final MessageStore store;
  private final KuraTelemetry telemetry;
  private final Reporter reporter;
  private final Path stateFile;
  private final ScheduledExecutorService saver;

  @Activate
  public KuraTelemetryComponent(
      @Reference(target = MessageStore.UPLINK_TARGET) MessageStore store,
      KuraTelemetryConfig config)
      throws ConfigurationException {
    this.store = store;
    this.telemetry =
        new KuraTelemetry(
            required("account", config.account()),
            required("client.id", config.client_id()),
            required("app.id", config.app_id()));
    this.reporter = new Reporter(ReportPolicies.of(config));
    this.stateFile =
        config.state_dir().isEmpty()
            ? null
            : Path.of(config.state_dir()).resolve("report-" + DESTINATION + ".state");
    if (stateFile == null) {
      saver = null;
      return;
    }
    try {
      reporter.load(stateFile);
    } catch (IOException e) {
      LOG.warn("Reporting starts afresh (every point is sent once): {}", e.getMessage());
    }
    saver =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "edge-report-state");
              t.setDaemon(true);
              return t;
            });
    saver.scheduleWithFixedDelay(this::save, SAVE_EVERY_S, SAVE_EVERY_S, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    if (saver != null) {
      saver.shutdownNow();
      save();
    }
  }

  @Override
  public void accept(ReadingSet readings) {
    try {
      reporter.filter(readings).ifPresent(r -> store.enqueue(telemetry.message(r)));
    } catch (RuntimeException e) {
      // never into the acquisition thread
      LOG.error("Reading set of {} not buffered", readings.deviceId(), e);
    }
  }

  private void save() {
    try {
      reporter.save(stateFile);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Reporting state not saved to {}: {}", stateFile, e.toString());
    }
  }

  private static String required(String key, String value) throws ConfigurationException {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(key, "missing (required)");
    }
    return value;
  }
}
