package cn.yichang.edge.store;

import java.time.Instant;

/**
 * What the buffer file has been through since it was created, kept in the file itself, so that the
 * platform can tell "nothing happened" from "something may be missing here". Sequence numbers are
 * given at commit, so a message lost before its commit leaves no gap in them: these totals and the
 * unclean-stop flag are the only way the platform learns of such a loss.
 *
 * <p>The totals continue across restarts and across a damaged file replaced by a new one, as long
 * as the damaged file's own totals can still be read (otherwise they restart from what this run
 * knows, and {@link #uncleanStop} says so).
 *
 * @param lost messages the gateway knows it could not keep: refused by a full in-memory queue, not
 *     writable (full disk, I/O errors), left unwritten when the store had to close, or held in a
 *     damaged file that was replaced
 * @param evicted messages dropped to keep the buffer under its size limit
 * @param setAside messages taken out of the queue because the platform will never accept them
 *     ({@link MessageStore#setAside}): known, deliberate gaps in {@code edge.seq}
 * @param uncleanStop in this run (since the process started): the buffer was not closed cleanly
 *     before it (kill -9, power cut, a crash), or a damaged or missing file was replaced by a new
 *     one. What was queued but not yet committed then is lost and counted nowhere.
 * @param lastCommit with {@code uncleanStop}: when messages were last committed before it, {@code
 *     null} when that is unknown (or the stop was clean). Readings acquired after it may be
 *     missing.
 * @param uncleanCause with {@code uncleanStop}: what happened, for people; {@code null} otherwise
 */
public record StoreHistory(
    long lost,
    long evicted,
    long setAside,
    boolean uncleanStop,
    Instant lastCommit,
    String uncleanCause) {}
