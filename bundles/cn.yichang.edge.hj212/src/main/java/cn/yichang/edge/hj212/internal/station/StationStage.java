package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.CpFields;
import cn.yichang.edge.hj212.Qn;
import cn.yichang.edge.hj212.internal.aggregate.Aggregator;
import cn.yichang.edge.hj212.internal.aggregate.ClosedWindow;
import cn.yichang.edge.hj212.internal.aggregate.DataFlag;
import cn.yichang.edge.hj212.internal.aggregate.Sample;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HJ 212 destination's stages up to its queue: readings become samples of its pollutant codes;
 * every real-time interval the latest of each goes as CN 2011; the minute, hourly and daily windows
 * close into CN 2051, 2061 and 2031, archived (for history requests) in the same transaction as the
 * open windows, then queued. Thread-safe: readings come from acquisition threads, {@link #tick}
 * from the destination's timer.
 */
final class StationStage {
  private static final Logger LOG = LoggerFactory.getLogger(StationStage.class);

  /** How often the open windows are written when none closed: what a kill -9 may forget. */
  static final Duration SAVE_EVERY = Duration.ofSeconds(30);

  /** Readings arrive just after their acquisition: a window closes this long after its end. */
  static final Duration GRACE = Duration.ofSeconds(2);

  /** A real-time value older than this many intervals is stale: sent as B, without a value. */
  private static final int STALE_INTERVALS = 3;

  private final PointCodes codes;
  private final StationClock clock;
  private final Clock system;
  private final StationArchive archive;
  private final MessageStore store;
  private final String st;
  private final String mn;
  private final QnSource qns;
  private final Map<String, Latest> latest = new LinkedHashMap<>();
  private volatile String password;
  private Aggregator aggregator;
  private int realtimeS;
  private LocalDateTime nextRealtime;
  private LocalDateTime nextSave;
  private List<String[]> queuedSinceSave = new ArrayList<>();

  StationStage(
      PointCodes codes,
      StationClock clock,
      Clock system,
      StationArchive archive,
      MessageStore store,
      String st,
      String mn,
      String password,
      int realtimeS,
      int minutes,
      QnSource qns)
      throws SQLException {
    this.qns = qns;
    this.codes = codes;
    this.clock = clock;
    this.system = system;
    this.archive = archive;
    this.store = store;
    this.st = st;
    this.mn = mn;
    this.password = password;
    this.realtimeS = realtimeS;
    this.aggregator = restored(minutes);
    this.nextRealtime = nextBoundary(clock.now(), realtimeS);
    for (String[] a : archive.unqueued()) {
      queue(a);
      queuedSinceSave.add(a);
    }
  }

  private Aggregator restored(int minutes) throws SQLException {
    String saved = archive.setting("windows").orElse(null);
    if (saved != null) {
      try {
        Aggregator a = Aggregator.load(saved);
        a.minutes(minutes);
        return a;
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "The saved windows are not readable; the open windows start afresh: {}",
            e.getMessage());
      }
    }
    return new Aggregator(minutes);
  }

  void accept(ReadingSet set) {
    List<Sample> samples = codes.samples(set);
    if (samples.isEmpty()) {
      return;
    }
    LocalDateTime at = clock.local(set.timestamp());
    synchronized (this) {
      for (Sample s : samples) {
        latest.put(s.code(), new Latest(s, at));
      }
      close(aggregator.add(at, samples));
    }
  }

  /** Sends what is due: real-time data, closed windows, the windows' state. */
  synchronized void tick() {
    LocalDateTime now = clock.now();
    if (nextRealtime == null) {
      nextRealtime = nextBoundary(now, realtimeS);
    }
    if (!now.isBefore(nextRealtime)) {
      // stamped with the interval's boundary; a late timer sends the latest boundary once
      LocalDateTime next = nextBoundary(now, realtimeS);
      realtime(next.minusSeconds(realtimeS));
      nextRealtime = next;
    }
    close(aggregator.closeDue(now.minus(GRACE)));
    if (nextSave == null || !now.isBefore(nextSave)) {
      save();
      nextSave = now.plus(SAVE_EVERY);
    }
  }

  synchronized void realtimeInterval(int seconds) {
    realtimeS = seconds;
    nextRealtime = nextBoundary(clock.now(), seconds);
  }

  synchronized int realtimeInterval() {
    return realtimeS;
  }

  synchronized void minuteInterval(int minutes) {
    aggregator.minutes(minutes);
  }

  synchronized int minuteInterval() {
    return aggregator.minutes();
  }

  void password(String password) {
    this.password = password;
  }

  /**
   * The station's clock was set by {@code moved}: a correction of more than a minute window means
   * the open windows were stamped by a wrong clock, and no DataTime would be true of them.
   */
  synchronized void clockMoved(Duration moved) {
    if (moved.abs().compareTo(Duration.ofMinutes(aggregator.minutes())) >= 0) {
      long samples = aggregator.discardOpen();
      latest.clear();
      nextRealtime = nextBoundary(clock.now(), realtimeS);
      LOG.warn(
          "The station's clock was set {} s {}: the open windows ({} readings, stamped by the"
              + " wrong clock) are discarded; new windows start on the corrected clock",
          moved.abs().toSeconds(),
          moved.isNegative() ? "back" : "forward",
          samples);
    }
  }

  /** Writes the open windows, and confirms the aggregates queued before the last save. */
  synchronized void save() {
    try {
      archive.confirmQueued(queuedSinceSave);
      queuedSinceSave = new ArrayList<>();
      archive.saveWindows(aggregator.save());
    } catch (SQLException e) {
      LOG.warn("The HJ 212 windows were not saved: {}", e.getMessage());
    }
  }

  private void realtime(LocalDateTime now) {
    if (latest.isEmpty()) {
      return;
    }
    List<Sample> current = new ArrayList<>();
    LocalDateTime stale = now.minusSeconds((long) STALE_INTERVALS * realtimeS);
    for (Latest l : latest.values()) {
      current.add(
          l.at.isBefore(stale) ? new Sample(l.sample.code(), Double.NaN, DataFlag.B) : l.sample);
    }
    enqueue("2011", Uploads.realtime(now, current), now);
  }

  private void close(List<ClosedWindow> closed) {
    if (closed.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (ClosedWindow w : closed) {
      rows.add(
          new String[] {w.kind().cn(), Qn.TIME.format(w.start()), Uploads.window(w).toString()});
    }
    try {
      archive.closeWindows(rows, aggregator.save());
    } catch (SQLException e) {
      // sent all the same: the platform gets it, only a history request could miss it
      LOG.error("Windows not archived (sent all the same): {}", e.getMessage());
    }
    for (String[] row : rows) {
      queue(row);
      queuedSinceSave.add(row);
    }
  }

  private void queue(String[] aggregate) {
    try {
      enqueue(aggregate[0], CpFields.parse(aggregate[2]), clock.now());
    } catch (cn.yichang.edge.hj212.MalformedPacketException e) {
      LOG.error(
          "An archived {} at {} is not readable: {}", aggregate[0], aggregate[1], e.getMessage());
    }
  }

  private void enqueue(String cn, CpFields cp, LocalDateTime now) {
    String data = Uploads.packet(qns.next(now), st, cn, password, mn, cp).data();
    store.enqueue(
        new OutboundMessage(
            cn, Priority.TELEMETRY, data.getBytes(StandardCharsets.US_ASCII), system.instant()));
  }

  private static LocalDateTime nextBoundary(LocalDateTime now, int seconds) {
    LocalDateTime day = now.truncatedTo(ChronoUnit.DAYS);
    long since = Duration.between(day, now).toSeconds();
    return day.plusSeconds((since / seconds + 1) * seconds);
  }

  private record Latest(Sample sample, LocalDateTime at) {}
}
