package cn.yichang.edge.report.internal;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.report.ReportMode;
import cn.yichang.edge.report.ReportPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device's reporting for one destination: which points of each reading set are worth sending,
 * judged against what was last <em>sent</em> (not last polled), so that a slow drift is sent once
 * it adds up. What is sent keeps its acquisition time; nothing is sent again with a fresh one.
 *
 * <p>Under {@link ReportMode#ON_CHANGE} a point is sent when it is new, when its numeric value
 * moved beyond its deadband, when a boolean or string changed, when it starts failing or recovers
 * (not on every failed poll), when its out-of-range flag changes, and when its heartbeat is due
 * (then with every other point of the set, so that their heartbeats fall due together). An alarm
 * set is always sent whole.
 *
 * <p>In every mode, the first set in which no point could be read reports the device lost, once,
 * with the time of its last good reading. Not thread-safe: one device's sets come one at a time.
 */
public final class DeviceReport {
  /**
   * What was last sent of a point.
   *
   * @param value {@code null} when what was sent is the point's failure
   * @param at its acquisition time
   */
  public record Sent(Object value, boolean outOfRange, Instant at) {}

  private final Map<String, Sent> sent = new HashMap<>();
  private Instant lastGood;
  private boolean lost;

  public DeviceReport() {}

  /** A device's state as a {@link ReportStateFile} holds it. */
  DeviceReport(Map<String, Sent> sent, Instant lastGood, boolean lost) {
    this.sent.putAll(sent);
    this.lastGood = lastGood;
    this.lost = lost;
  }

  /**
   * The points of {@code set} to send under {@code policy}, in their order and with the set's
   * acquisition time; empty when none is. What is returned counts as sent.
   */
  public Optional<Report> filter(ReadingSet set, ReportPolicy policy) {
    boolean answered = set.points().stream().anyMatch(PointReading::ok);
    boolean newlyLost = !answered && !set.points().isEmpty() && !lost;
    Instant lostSince = lastGood;
    if (answered) {
      lastGood = set.timestamp();
    }
    lost = !answered && !set.points().isEmpty();
    // A heartbeat due for one point sends them all: their heartbeats then fall due together, one
    // message instead of one per point (each costs its topic, MQTT and TLS framing and a PUBACK).
    boolean whole =
        policy.mode() == ReportMode.EVERY_POLL
            || set.alarm()
            || anyHeartbeatDue(set, policy.heartbeat());
    List<PointReading> out = new ArrayList<>(set.points().size());
    for (PointReading point : set.points()) {
      if (whole || worthSending(point, sent.get(point.name()), set.timestamp(), policy)) {
        out.add(point);
        sent.put(point.name(), new Sent(point.value(), point.outOfRange(), set.timestamp()));
      }
    }
    if (out.isEmpty() && newlyLost) {
      out.addAll(set.points()); // the loss is reported with what the poll found
    }
    if (out.isEmpty()) {
      return Optional.empty();
    }
    ReadingSet readings = new ReadingSet(set.deviceId(), set.timestamp(), out, set.alarm());
    return Optional.of(new Report(readings, newlyLost ? lostSince : null, newlyLost));
  }

  Map<String, Sent> sent() {
    return Map.copyOf(sent);
  }

  Instant lastGood() {
    return lastGood;
  }

  boolean lost() {
    return lost;
  }

  private static boolean worthSending(
      PointReading now, Sent last, Instant at, ReportPolicy policy) {
    if (last == null) {
      return true;
    }
    if (heartbeatDue(last.at(), at, policy.heartbeat())) {
      return true;
    }
    if (!now.ok() || last.value() == null) {
      return now.ok() != (last.value() != null); // starts failing, or recovers
    }
    if (now.outOfRange() != last.outOfRange()) {
      return true;
    }
    if (now.value() instanceof Number n && last.value() instanceof Number l) {
      return policy.deadband(now.name()).exceeded(l.doubleValue(), n.doubleValue());
    }
    return !Objects.equals(now.value(), last.value());
  }

  private boolean anyHeartbeatDue(ReadingSet set, Duration heartbeat) {
    for (PointReading point : set.points()) {
      Sent last = sent.get(point.name());
      if (last != null && heartbeatDue(last.at(), set.timestamp(), heartbeat)) {
        return true;
      }
    }
    return false;
  }

  /** A clock stepped back (before the last sending) counts as due: the heartbeat starts over. */
  private static boolean heartbeatDue(Instant lastAt, Instant at, Duration heartbeat) {
    if (heartbeat == null) {
      return false;
    }
    Duration since = Duration.between(lastAt, at);
    return since.isNegative() || since.compareTo(heartbeat) >= 0;
  }
}
