package cn.yichang.edge.bus;

import java.time.Instant;

/**
 * What happened on a bus or to one device.
 *
 * @param lastSuccess time of the last valid response, or {@code null} if none yet
 */
public record TransactionCounters(
    long transactions, long timeouts, long corruptFrames, long exceptions, Instant lastSuccess) {

  public static final TransactionCounters ZERO = new TransactionCounters(0, 0, 0, 0, null);
}
