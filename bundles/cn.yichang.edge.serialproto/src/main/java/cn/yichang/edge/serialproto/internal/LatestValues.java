package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest value of each field of a device that streams, and when to report them: at most once
 * per interval, on the first message after the interval has passed. A value older than {@code
 * stale} is reported as {@code timeout}; one never received as {@code no data}. A device that has
 * fallen silent is reported once per interval with every value failed, so the platform sees it go.
 */
final class LatestValues {

  private final Fields fields;
  private final long intervalNanos;
  private final long staleNanos;
  private final PointReading[] latest;
  private final long[] receivedAt;
  private long nextReportAt;
  private long lastMessageAt;
  private boolean anyMessage;

  LatestValues(Fields fields, long intervalNanos, long staleNanos, long nowNanos) {
    this.fields = fields;
    this.intervalNanos = intervalNanos;
    this.staleNanos = staleNanos;
    this.latest = new PointReading[fields.size()];
    this.receivedAt = new long[fields.size()];
    this.nextReportAt = nowNanos;
    this.lastMessageAt = nowNanos;
  }

  /** Takes a message's readings; returns the reading set due now, or null. */
  synchronized List<PointReading> message(List<PointReading> readings, long nowNanos) {
    for (PointReading r : readings) {
      int i = fields.names().indexOf(r.name());
      if (i >= 0) {
        latest[i] = r;
        receivedAt[i] = nowNanos;
      }
    }
    anyMessage = true;
    lastMessageAt = nowNanos;
    return dueAt(nowNanos);
  }

  /** Called while no message arrives: the failed set of a device that fell silent, or null. */
  synchronized List<PointReading> idle(long nowNanos) {
    if (nowNanos - lastMessageAt <= staleNanos) {
      return null;
    }
    return dueAt(nowNanos);
  }

  private List<PointReading> dueAt(long nowNanos) {
    if (nowNanos - nextReportAt < 0) {
      return null;
    }
    nextReportAt = nowNanos + intervalNanos;
    return values(nowNanos);
  }

  /**
   * The values as they stand (a remote read), stale ones as {@code timeout}; the reporting schedule
   * is not changed.
   */
  synchronized List<PointReading> current(long nowNanos) {
    return values(nowNanos);
  }

  private List<PointReading> values(long nowNanos) {
    List<PointReading> out = new ArrayList<>(latest.length);
    for (int i = 0; i < latest.length; i++) {
      if (latest[i] == null) {
        out.add(fields.failed(i, anyMessage ? "no data" : "timeout"));
      } else if (nowNanos - receivedAt[i] > staleNanos) {
        out.add(fields.failed(i, "timeout"));
      } else {
        out.add(latest[i]);
      }
    }
    return out;
  }
}
