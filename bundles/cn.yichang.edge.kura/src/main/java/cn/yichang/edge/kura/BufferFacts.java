package cn.yichang.edge.kura;

import java.time.Instant;

/**
 * What the gateway knows about data it could not keep, for BIRTH: a platform that counts {@code
 * edge.seq} gaps cannot see a loss before the sequence number was given (a full disk, the last
 * group at a kill -9), so the gateway says it.
 *
 * <p>In BIRTH (after Kura's metrics): {@value #LOST}, {@value #EVICTED} and {@value #SET_ASIDE}
 * (INT64), {@value #UNCLEAN_STOP} (BOOL, always sent: {@code false} says "nothing happened"), and
 * with an unclean stop whose last commit is known, {@value #LAST_COMMIT} (INT64, ms since the epoch
 * in UTC: the unit of the payload's own timestamp field; Kura's metric types have no timestamp, and
 * a number is compared and indexed as one by Kapua, a string would not be).
 *
 * @param lost reading sets and other messages lost, since the buffer file was created
 * @param evicted messages evicted to keep the buffer under its size limit, likewise
 * @param setAside messages set aside because the platform would never accept them (too large to
 *     cut, or refused for good), likewise: the {@code edge.seq} gaps the gateway made on purpose
 * @param uncleanStop this run began after a stop that was not clean (kill -9, power cut), or had to
 *     replace a damaged buffer file: what was queued then may be missing
 * @param lastCommit with {@code uncleanStop}: when data was last made durable before it; readings
 *     acquired after it may be missing. {@code null} when unknown or clean.
 */
public record BufferFacts(
    long lost, long evicted, long setAside, boolean uncleanStop, Instant lastCommit) {
  public static final String LOST = "edge.lost";
  public static final String EVICTED = "edge.evicted";
  public static final String SET_ASIDE = "edge.set_aside";
  public static final String UNCLEAN_STOP = "edge.unclean_stop";
  public static final String LAST_COMMIT = "edge.last_commit";
}
