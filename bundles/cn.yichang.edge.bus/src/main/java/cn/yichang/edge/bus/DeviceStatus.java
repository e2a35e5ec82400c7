package cn.yichang.edge.bus;

import java.time.Duration;

/**
 * A device as its bus sees it.
 *
 * @param polls complete polls performed
 * @param consecutiveFailures polls in a row in which the device did not answer
 * @param backoff the delay added to its interval because of those failures, or zero
 */
public record DeviceStatus(
    String deviceId,
    Duration pollInterval,
    long polls,
    int consecutiveFailures,
    Duration backoff,
    TransactionCounters counters) {}
