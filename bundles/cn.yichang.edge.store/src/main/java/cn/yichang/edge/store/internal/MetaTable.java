package cn.yichang.edge.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The store file's {@code meta} table: {@value #NEXT_SEQ}, the {@link Total}s, {@value
 * #LAST_COMMIT} (ms since the epoch of the last commit of messages) and {@value #CLEAN_STOP} (0
 * while a run has the file open, 1 after a clean close).
 *
 * <p>Rows are staged into the transaction of the caller (a group commit, an eviction, the close)
 * and count as written once it commits: they cost no fsync of their own, and a total counted while
 * the disk was full is written with the next commit that succeeds. Only what changed is staged.
 */
final class MetaTable {
  static final String NEXT_SEQ = "next_seq";
  static final String LAST_COMMIT = "last_commit";
  static final String CLEAN_STOP = "clean_stop";
  private static final Total[] TOTALS = Total.values();

  private final PreparedStatement save;
  private final Totals totals;
  private final Clock clock;

  /** Whether the file says it was closed cleanly before this open (a file of before: yes). */
  private final boolean closedCleanly;

  /** The totals as the file holds them. */
  private final long[] savedTotals = new long[TOTALS.length];

  private final long[] stagedTotals = new long[TOTALS.length];
  private long lastCommitMillis; // 0: none
  private long stagedLastCommit;

  /** Whether {@value #CLEAN_STOP} = 0 is in the file: at open, else with the first commit. */
  private boolean markedOpen;

  /**
   * @param rows the table as read (or as just written by a create)
   */
  MetaTable(Connection connection, Map<String, Long> rows, Totals totals, Clock clock)
      throws SQLException {
    this.totals = totals;
    this.clock = clock;
    this.lastCommitMillis = rows.getOrDefault(LAST_COMMIT, 0L);
    // Files written before the flag existed say nothing: taken as clean rather than flagging every
    // gateway at the update that brings the flag.
    this.closedCleanly = rows.getOrDefault(CLEAN_STOP, 1L) != 0;
    this.markedOpen = rows.getOrDefault(CLEAN_STOP, 1L) == 0;
    for (Total t : TOTALS) {
      savedTotals[t.ordinal()] = rows.getOrDefault(t.key(), 0L);
    }
    save =
        connection.prepareStatement(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  }

  /** The rows of a new file: its first sequence number, the totals so far, open. */
  static Map<String, Long> initial(long nextSeq, Totals totals) {
    Map<String, Long> rows = new HashMap<>();
    rows.put(NEXT_SEQ, nextSeq);
    rows.put(CLEAN_STOP, 0L);
    for (Total t : TOTALS) {
      rows.put(t.key(), totals.get(t));
    }
    return rows;
  }

  /** The {@link Total}s among a meta table's rows; a total it lacks is left out. */
  static Map<Total, Long> totalsIn(Map<String, Long> rows) {
    Map<Total, Long> out = new EnumMap<>(Total.class);
    for (Total t : TOTALS) {
      Long value = rows.get(t.key());
      if (value != null) {
        out.put(t, value);
      }
    }
    return out;
  }

  boolean closedCleanly() {
    return closedCleanly;
  }

  /** When messages were last committed to this file, {@code null} if never. */
  Instant lastCommit() {
    return lastCommitMillis == 0 ? null : Instant.ofEpochMilli(lastCommitMillis);
  }

  /**
   * Clears {@value #CLEAN_STOP} at open, in a transaction of its own. A disk too full for this
   * small write must not keep the backlog from being read and sent: the mark then goes with the
   * first commit that succeeds.
   */
  void markOpen() throws SQLException {
    try {
      row(CLEAN_STOP, 0);
      save.executeBatch();
      markedOpen = true;
    } catch (SQLException e) {
      save.clearBatch();
      if (SqliteErrors.isCorrupt(e)) {
        throw e;
      }
    }
  }

  /**
   * Stages, in the caller's transaction, what a group commit changes: the next sequence number and
   * the commit's time when it wrote messages ({@code nextSeq} &gt; 0), the totals that changed, and
   * {@code setAside} more messages set aside in this very transaction (so that a kill -9 after it
   * cannot leave rows moved aside and not counted).
   */
  void stageCommit(long nextSeq, long setAside) throws SQLException {
    stagedLastCommit = lastCommitMillis;
    if (nextSeq > 0) {
      stagedLastCommit = clock.millis();
      row(NEXT_SEQ, nextSeq);
      row(LAST_COMMIT, stagedLastCommit);
    }
    if (!markedOpen) {
      row(CLEAN_STOP, 0);
    }
    stageTotals(setAside);
    save.executeBatch();
  }

  /**
   * Stages the evicted total raised by {@code count}: an eviction's count goes into the file with
   * its deletion, or an eviction followed by a kill -9 before the next group would be forgotten.
   */
  void stageEviction(long count) throws SQLException {
    stagedLastCommit = lastCommitMillis;
    System.arraycopy(savedTotals, 0, stagedTotals, 0, TOTALS.length);
    long evicted = totals.get(Total.EVICTED) + count;
    stagedTotals[Total.EVICTED.ordinal()] = evicted;
    row(Total.EVICTED.key(), evicted);
    if (!markedOpen) {
      row(CLEAN_STOP, 0); // committed() counts the mark as made
    }
    save.executeBatch();
  }

  /** Stages the totals and {@value #CLEAN_STOP} = 1, for a clean close. */
  void stageCleanClose() throws SQLException {
    stagedLastCommit = lastCommitMillis;
    stageTotals(0);
    row(CLEAN_STOP, 1);
    save.executeBatch();
  }

  /** The caller's transaction committed: what was staged is in the file. */
  void committed() {
    lastCommitMillis = stagedLastCommit;
    markedOpen = true;
    System.arraycopy(stagedTotals, 0, savedTotals, 0, TOTALS.length);
  }

  /** The caller's transaction failed: nothing staged was written. */
  void rolledBack() {
    try {
      save.clearBatch();
    } catch (SQLException ignored) {
      // the batch is dropped with the failed connection
    }
  }

  private void stageTotals(long setAside) throws SQLException {
    for (Total t : TOTALS) {
      long value = totals.get(t) + (t == Total.SET_ASIDE ? setAside : 0);
      stagedTotals[t.ordinal()] = value;
      if (value != savedTotals[t.ordinal()]) {
        row(t.key(), value);
      }
    }
  }

  private void row(String key, long value) throws SQLException {
    save.setString(1, key);
    save.setLong(2, value);
    save.addBatch();
  }
}
