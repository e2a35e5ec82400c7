package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.config.Hj212Config;
import cn.yichang.edge.hj212.internal.requests.PlatformRequests;
import cn.yichang.edge.hj212.internal.transport.PlatformLink;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.store.MessageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
 * One HJ 212 environment platform of the site's {@code hj212:} list, up to its queue in the buffer
 * (the reference {@code store}, bound by {@code store.target} to the destination's queue).
 */
@Component(
    configurationPid = Hj212Config.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = ReadingSink.ROLE_PROPERTY + "=" + ReadingSink.BUFFER_ROLE)
@Designate(ocd = Hj212Config.class, factory = true)
public final class Hj212DestinationComponent implements ReadingSink {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212DestinationComponent.class);
  private static final Duration RECONNECT_MIN = Duration.ofSeconds(1);
  private static final Duration RECONNECT_MAX = Duration.ofMinutes(2);

  private final StationArchive archive;
  private final StationStage stage;
  private final StationControls controls;
  private final PlatformLink link;
  private final ScheduledExecutorService timer;

  @Activate
  public Hj212DestinationComponent(
      @Reference(name = "store") MessageStore store, Hj212Config config)
      throws ConfigurationException {
    this(store, DestinationSettings.of(config), Clock.systemUTC(), RECONNECT_MIN, RECONNECT_MAX);
  }

  Hj212DestinationComponent(
      MessageStore store,
      DestinationSettings s,
      Clock system,
      Duration reconnectMin,
      Duration reconnectMax)
      throws ConfigurationException {
    try {
      archive = StationArchive.open(s.archive());
    } catch (SQLException | IOException e) {
      throw new ConfigurationException(
          "state.dir", "the archive " + s.archive() + ": " + e.getMessage());
    }
    try {
      StationSettings settings = new StationSettings(archive);
      long correction = Long.parseLong(archive.setting("clock.correction.ms").orElse("0"));
      StationClock clock = new StationClock(system, s.zone(), correction);
      QnSource qns = new QnSource();
      stage =
          new StationStage(
              s.codes(),
              clock,
              system,
              archive,
              store,
              s.st(),
              s.mn(),
              settings.effective("password", s.password()),
              Integer.parseInt(settings.effective("realtime", String.valueOf(s.realtimeS()))),
              Integer.parseInt(settings.effective("minutes", String.valueOf(s.minutes()))),
              qns);
      controls = new StationControls(s, stage, clock, archive, qns);
    } catch (SQLException | RuntimeException e) {
      closeArchive();
      throw new ConfigurationException(
          "state.dir", "the archive " + s.archive() + ": " + e.getMessage());
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "edge-hj212-" + s.id() + "-timer");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    link =
        new PlatformLink(
            s.id(),
            InetSocketAddress.createUnresolved(s.host(), s.port()),
            store,
            new PlatformRequests(controls),
            controls,
            reconnectMin,
            reconnectMax);
  }

  @Override
  public void accept(ReadingSet readings) {
    try {
      stage.accept(readings);
    } catch (RuntimeException e) {
      LOG.error("Reading set of {} not taken for HJ 212", readings.deviceId(), e);
    }
  }

  StationStage stage() {
    return stage;
  }

  PlatformLink link() {
    return link;
  }

  private void tick() {
    try {
      stage.tick();
    } catch (RuntimeException e) {
      LOG.error("HJ 212 timer", e);
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    link.close();
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
    stage.save();
    closeArchive();
  }

  private void closeArchive() {
    try {
      archive.close();
    } catch (SQLException e) {
      LOG.warn("Closing {}: {}", archive, e.getMessage());
    }
  }
}
