package cn.yichang.edge.sim;

/** Whether a simulated line keeps RS-485 wire timing. */
public enum Timing {
  /**
   * Replies no sooner than request and reply could cross the wire at the line's baud rate, plus the
   * unit's turnaround; counts requests that arrive before the line is silent again.
   */
  WIRE,
  /** Replies at once (plus a slow fault's extra delay), for functional tests. */
  INSTANT
}
