package cn.yichang.edge.sim;

import java.util.Map;

/**
 * Counters of one simulated line, a snapshot.
 *
 * @param requests frames with a valid CRC, to any unit
 * @param replies replies written
 * @param earlyRequests requests whose first byte arrived before the line was silent again (the
 *     previous frame's end plus 3.5 characters): on a real RS-485 line they would have run into the
 *     previous frame. Counted only when wire timing is on.
 * @param broadcasts requests to unit 0
 * @param unknownUnitRequests requests to units this line does not serve
 * @param crcErrors frames dropped for a bad CRC
 * @param discardedBytes bytes dropped while resynchronising (bad frames, truncated frames)
 * @param shortestIdleNanos the shortest time observed between the end of a frame on the modelled
 *     wire and the first byte of the next request, or -1 if there was no such pair
 * @param meanReplyLateNanos how late replies were written on average, after the moment the wire
 *     model made them due (the simulator's own wake-up latency; 0 with instant timing)
 * @param maxReplyLateNanos the latest a reply was written after it was due
 * @param units per-unit counters, by unit address
 * @param noiseBursts times noise was put on the line ({@link PacedRtuSlave#injectNoise})
 * @param noiseBytes random bytes written to the master as noise
 */
public record LineStatistics(
    long requests,
    long replies,
    long earlyRequests,
    long broadcasts,
    long unknownUnitRequests,
    long crcErrors,
    long discardedBytes,
    long shortestIdleNanos,
    long meanReplyLateNanos,
    long maxReplyLateNanos,
    Map<Integer, UnitStatistics> units,
    long noiseBursts,
    long noiseBytes) {

  public LineStatistics {
    units = Map.copyOf(units);
  }

  /** One line for logs and the CLI. */
  public String summary() {
    return String.format(
        "requests=%d replies=%d early=%d broadcasts=%d unknown-unit=%d crc-errors=%d"
            + " discarded-bytes=%d shortest-idle-us=%d reply-late-mean-us=%d reply-late-max-us=%d"
            + " noise-bursts=%d noise-bytes=%d",
        requests,
        replies,
        earlyRequests,
        broadcasts,
        unknownUnitRequests,
        crcErrors,
        discardedBytes,
        shortestIdleNanos < 0 ? -1 : shortestIdleNanos / 1000,
        meanReplyLateNanos / 1000,
        maxReplyLateNanos / 1000,
        noiseBursts,
        noiseBytes);
  }
}
