package cn.yichang.edge.store;

/**
 * What the buffer has done since the gateway started, and what it holds now.
 *
 * @param accepted messages made durable
 * @param acknowledged messages removed after the broker acknowledged them
 * @param buffered messages held now
 * @param bufferedBytes size of the database now
 * @param evicted messages dropped to stay under the size limit (oldest telemetry first)
 * @param lost messages that could not be written (disk full, database unusable)
 * @param corruptDatabasesMovedAside database files found corrupt and replaced
 * @param setAside messages taken out of the queue because the platform will never accept them
 */
public record StoreCounters(
    long accepted,
    long acknowledged,
    long buffered,
    long bufferedBytes,
    long evicted,
    long lost,
    long corruptDatabasesMovedAside,
    long setAside) {}
