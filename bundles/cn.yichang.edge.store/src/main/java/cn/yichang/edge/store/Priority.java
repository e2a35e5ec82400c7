package cn.yichang.edge.store;

/** Sending order: a higher priority goes first; eviction takes the lowest priority first. */
public enum Priority {
  /** Readings: the bulk of the traffic, the first to be evicted when the buffer is full. */
  TELEMETRY,
  /** Lifecycle messages and replies to the platform's requests. */
  CONTROL,
  /** Alarms (SOS, door forced): sent first, evicted last. */
  ALARM
}
