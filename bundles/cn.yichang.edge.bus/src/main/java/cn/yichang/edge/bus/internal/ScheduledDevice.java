package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.DeviceStatus;
import cn.yichang.edge.bus.PolledDevice;
import java.time.Duration;

/** A device in a bus's schedule: when it is due next and how it has been answering. */
final class ScheduledDevice {

  /** The longest a silent device waits between attempts, unless its own interval is longer. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  final PolledDevice device;
  final Counters counters = new Counters();
  private final long intervalNanos;
  private long dueNanos;
  private long polls;
  private int failures;
  private long backoffNanos;

  ScheduledDevice(PolledDevice device, long nowNanos) {
    this.device = device;
    this.intervalNanos = device.pollInterval().toNanos();
    this.dueNanos = nowNanos;
  }

  long dueNanos() {
    return dueNanos;
  }

  /**
   * Plans the next poll. A device that answered keeps its own rhythm (the next due time is the last
   * one plus the interval, without bursts to catch up after an overload); one that did not answer
   * waits twice as long after each failure, so that it never holds the bus for the others.
   */
  synchronized void polled(boolean answered, long nowNanos) {
    polls++;
    if (answered) {
      failures = 0;
      backoffNanos = 0;
      dueNanos = Math.max(dueNanos + intervalNanos, nowNanos);
    } else {
      failures++;
      long cap = Math.max(intervalNanos, MAX_BACKOFF.toNanos());
      long wait = intervalNanos << Math.min(failures, 20);
      wait = wait <= 0 ? cap : Math.min(wait, cap);
      backoffNanos = Math.max(0, wait - intervalNanos);
      dueNanos = nowNanos + wait;
    }
  }

  /** Due at once (a technician's {@code edge:poll}), even in backoff; the rhythm resumes after. */
  synchronized void dueNow(long nowNanos) {
    dueNanos = Math.min(dueNanos, nowNanos);
  }

  synchronized DeviceStatus status() {
    return new DeviceStatus(
        device.id(),
        device.pollInterval(),
        polls,
        failures,
        Duration.ofNanos(backoffNanos),
        counters.snapshot());
  }
}
