package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.Qn;
import cn.yichang.edge.hj212.internal.requests.StationControl;
import cn.yichang.edge.hj212.internal.transport.PlatformLink;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station as the platform's requests and the link see it: each change the platform makes is
 * applied to the running stage and kept in the archive, so that a restart keeps it.
 */
final class StationControls implements StationControl, PlatformLink.Settings {
  private static final Logger LOG = LoggerFactory.getLogger(StationControls.class);

  private final DestinationSettings site;
  private final StationStage stage;
  private final StationClock clock;
  private final StationArchive archive;
  private final StationSettings settings;
  private final QnSource qns;
  private volatile String password;
  private volatile int timeoutS;
  private volatile int retries;

  StationControls(
      DestinationSettings site,
      StationStage stage,
      StationClock clock,
      StationArchive archive,
      QnSource qns)
      throws SQLException {
    this.site = site;
    this.stage = stage;
    this.clock = clock;
    this.archive = archive;
    this.settings = new StationSettings(archive);
    this.qns = qns;
    this.password = settings.effective("password", site.password());
    this.timeoutS =
        Integer.parseInt(settings.effective("timeout", String.valueOf(site.timeoutS())));
    this.retries = Integer.parseInt(settings.effective("retries", String.valueOf(site.retries())));
  }

  @Override
  public String mn() {
    return site.mn();
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public String st() {
    return site.st();
  }

  @Override
  public boolean ack() {
    return site.ack();
  }

  @Override
  public int timeoutS() {
    return timeoutS;
  }

  @Override
  public int retries() {
    return retries;
  }

  @Override
  public LocalDateTime time() {
    return clock.now();
  }

  /** Corrects the station's clock, not the system's: a gateway user may not set that. */
  @Override
  public void setTime(LocalDateTime time) throws SQLException {
    Duration moved = clock.set(time);
    archive.set("clock.correction.ms", String.valueOf(clock.correctionMs()));
    LOG.info(
        "HJ 212 {}: the platform set the station's time to {} (moved {} ms; the system clock is"
            + " not changed)",
        site.id(),
        Qn.TIME.format(time),
        moved.toMillis());
    stage.clockMoved(moved);
  }

  @Override
  public int realtimeInterval() {
    return stage.realtimeInterval();
  }

  @Override
  public void setRealtimeInterval(int seconds) throws SQLException {
    settings.platformSets("realtime", String.valueOf(seconds), String.valueOf(site.realtimeS()));
    stage.realtimeInterval(seconds);
  }

  @Override
  public int minuteInterval() {
    return stage.minuteInterval();
  }

  @Override
  public void setMinuteInterval(int minutes) throws SQLException {
    settings.platformSets("minutes", String.valueOf(minutes), String.valueOf(site.minutes()));
    stage.minuteInterval(minutes);
  }

  @Override
  public void setPassword(String password) throws SQLException {
    settings.platformSets("password", password, site.password());
    this.password = password;
    stage.password(password);
  }

  @Override
  public void setTimeout(int seconds, int retries) throws SQLException {
    settings.platformSets("timeout", String.valueOf(seconds), String.valueOf(site.timeoutS()));
    settings.platformSets("retries", String.valueOf(retries), String.valueOf(site.retries()));
    this.timeoutS = seconds;
    this.retries = retries;
  }

  @Override
  public List<String> history(String cn, LocalDateTime begin, LocalDateTime end)
      throws SQLException {
    return archive.history(cn, Qn.TIME.format(begin), Qn.TIME.format(end));
  }

  @Override
  public String nextQn() {
    return qns.next(clock.now());
  }
}
