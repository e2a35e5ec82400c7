package cn.yichang.edge.sim;

import cn.yichang.edge.serial.LineSettings;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The modelled RS-485 line. A pty delivers a frame at once, so the wire time is added here: a
 * request whose first byte arrived at t occupied the wire until t + wire(length); a reply is due no
 * sooner than the request's end + turnaround + wire(reply), and is written whole at that moment,
 * which is then the end of the last frame. Only the slave's serving thread uses it.
 */
final class WireClock {

  /** What the clock made of a request's arrival. */
  record Arrival(long requestEndNanos, boolean early, long idleNanos) {}

  private final LineSettings line;
  private final Timing timing;
  private boolean anyFrame;
  private long lastFrameEndNanos;

  WireClock(LineSettings line, Timing timing) {
    this.line = line;
    this.timing = timing;
  }

  /**
   * Records a request. It is early if its first byte came before the end of the previous frame plus
   * the 3.5-character silence; idle is the time since that end (-1 for the first frame).
   */
  Arrival requestArrived(long firstByteNanos, int length) {
    long requestEnd = firstByteNanos + wireNanos(length);
    boolean early = false;
    long idle = -1;
    if (anyFrame) {
      idle = firstByteNanos - lastFrameEndNanos;
      early = timing == Timing.WIRE && idle < line.silenceNanos();
    }
    frameEndedAt(requestEnd);
    return new Arrival(requestEnd, early, idle);
  }

  /** When a reply of {@code length} bytes to a request that ended then is due. */
  long replyDueNanos(long requestEndNanos, Duration turnaround, Duration extraDelay, int length) {
    if (timing == Timing.INSTANT) {
      return System.nanoTime() + extraDelay.toNanos();
    }
    return requestEndNanos + turnaround.toNanos() + extraDelay.toNanos() + wireNanos(length);
  }

  /** Records that a reply was written at that moment (its last byte is then off the wire). */
  void replyWrittenAt(long nanos) {
    frameEndedAt(nanos);
  }

  /** When the line is silent again after the last frame (now, if no frame has been seen). */
  long silentAtNanos() {
    return anyFrame ? lastFrameEndNanos + (timing == Timing.WIRE ? line.silenceNanos() : 0) : 0;
  }

  long wireNanos(int bytes) {
    return timing == Timing.WIRE ? line.wireNanos(bytes) : 0;
  }

  /**
   * Parks until {@link System#nanoTime()} reaches the deadline. A loop of parkNanos, because one
   * park may return early and Thread.sleep rounds to milliseconds; the remaining error is the
   * scheduler's wake-up latency (tens of microseconds on Linux).
   */
  static void parkUntil(long deadlineNanos) {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private void frameEndedAt(long nanos) {
    lastFrameEndNanos = anyFrame ? Math.max(lastFrameEndNanos, nanos) : nanos;
    anyFrame = true;
  }
}
