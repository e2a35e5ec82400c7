package cn.yichang.edge.store;

import java.time.Instant;

/**
 * A message the buffer holds durably.
 *
 * @param id the row's key, to acknowledge it by
 * @param seq the gateway's sequence number: gap-free in the order messages were made durable, and
 *     kept across restarts, so that the platform can detect a gap or a duplicate
 */
public record StoredMessage(
    long id, long seq, String topic, Priority priority, byte[] payload, Instant created) {}
