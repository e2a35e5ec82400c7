package cn.yichang.edge.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store file's {@code meta} table: {@value #NEXT_SEQ} (the next row id), {@value #LAST_COMMIT}
 * (ms since the epoch of the last commit of messages), {@value #CLEAN_STOP} (0 while a run has the
 * file open, 1 after a clean close), and per queue its next sequence number ({@value #SEQ}) and
 * {@link Total}s, under {@link Queue#metaKey}: the first queue's bare, as a file of before has them
 * (where the next sequence number was the next id).
 *
 * <p>Rows are staged into the transaction of the caller (a group commit, an eviction, the close)
 * and count as written once it commits: they cost no fsync of their own, and a total counted while
 * the disk was full is written with the next commit that succeeds. Only what changed is staged.
 */
final class MetaTable {
  static final String NEXT_SEQ = "next_seq";
  static final String SEQ = "seq";
  static final String LAST_COMMIT = "last_commit";
  static final String CLEAN_STOP = "clean_stop";
  private static final Total[] TOTALS = Total.values();

  private final PreparedStatement save;
  private final Clock clock;

  /** Whether the file says it was closed cleanly before this open (a file of before: yes). */
  private final boolean closedCleanly;

  /** Per queue, its totals as the file holds them, and as staged. */
  private final Map<Queue, long[]> savedTotals = new IdentityHashMap<>();

  private final Map<Queue, long[]> stagedTotals = new IdentityHashMap<>();
  private long lastCommitMillis; // 0: none
  private long stagedLastCommit;

  /** Whether {@value #CLEAN_STOP} = 0 is in the file: at open, else with the first commit. */
  private boolean markedOpen;

  /**
   * @param rows the table as read (or as just written by a create)
   */
  MetaTable(Connection connection, Map<String, Long> rows, List<Queue> queues, Clock clock)
      throws SQLException {
    this.clock = clock;
    this.lastCommitMillis = rows.getOrDefault(LAST_COMMIT, 0L);
    // Files written before the flag existed say nothing: taken as clean rather than flagging every
    // gateway at the update that brings the flag.
    this.closedCleanly = rows.getOrDefault(CLEAN_STOP, 1L) != 0;
    this.markedOpen = rows.getOrDefault(CLEAN_STOP, 1L) == 0;
    for (Queue q : queues) {
      long[] saved = new long[TOTALS.length];
      for (Total t : TOTALS) {
        saved[t.ordinal()] = rows.getOrDefault(q.metaKey(t.key()), 0L);
      }
      savedTotals.put(q, saved);
      stagedTotals.put(q, saved.clone());
    }
    save =
        connection.prepareStatement(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  }

  /** The rows of a new file: its first row id, each queue's next number and totals so far, open. */
  static Map<String, Long> initial(long nextId, Map<Queue, Long> nextSeqs) {
    Map<String, Long> rows = new HashMap<>();
    rows.put(NEXT_SEQ, nextId);
    rows.put(CLEAN_STOP, 0L);
    for (Map.Entry<Queue, Long> e : nextSeqs.entrySet()) {
      Queue q = e.getKey();
      rows.put(q.metaKey(SEQ), e.getValue());
      for (Total t : TOTALS) {
        rows.put(q.metaKey(t.key()), q.stats.totals().get(t));
      }
    }
    return rows;
  }

  /** A queue's {@link Total}s among a meta table's rows; a total it lacks is left out. */
  static Map<Total, Long> totalsIn(Map<String, Long> rows, Queue queue) {
    Map<Total, Long> out = new EnumMap<>(Total.class);
    for (Total t : TOTALS) {
      Long value = rows.get(queue.metaKey(t.key()));
      if (value != null) {
        out.put(t, value);
      }
    }
    return out;
  }

  /**
   * A queue's next sequence number among a meta table's rows, 0 when it has none: the first queue
   * of a file of before numbers like its rows, from {@value #NEXT_SEQ}.
   */
  static long seqIn(Map<String, Long> rows, Queue queue) {
    Long seq = rows.get(queue.metaKey(SEQ));
    if (seq != null) {
      return seq;
    }
    return queue.name.equals(Queue.FIRST) ? rows.getOrDefault(NEXT_SEQ, 0L) : 0;
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
   * Stages, in the caller's transaction, what a group commit changes: the next row id and the
   * commit's time when it wrote messages ({@code nextId} &gt; 0), the next sequence number of each
   * queue it wrote to, the totals that changed, and per queue the messages set aside in this very
   * transaction (so that a kill -9 after it cannot leave rows moved aside and not counted).
   */
  void stageCommit(long nextId, Map<Queue, Long> nextSeqs, Map<Queue, Integer> setAside)
      throws SQLException {
    stagedLastCommit = lastCommitMillis;
    if (nextId > 0) {
      stagedLastCommit = clock.millis();
      row(NEXT_SEQ, nextId);
      row(LAST_COMMIT, stagedLastCommit);
    }
    for (Map.Entry<Queue, Long> e : nextSeqs.entrySet()) {
      row(e.getKey().metaKey(SEQ), e.getValue());
    }
    if (!markedOpen) {
      row(CLEAN_STOP, 0);
    }
    stageTotals(setAside);
    save.executeBatch();
  }

  /**
   * Stages the queue's evicted total raised by {@code count}: an eviction's count goes into the
   * file with its deletion, or an eviction followed by a kill -9 before the next group would be
   * forgotten.
   */
  void stageEviction(Queue queue, long count) throws SQLException {
    stagedLastCommit = lastCommitMillis;
    copySavedToStaged();
    long evicted = queue.stats.totals().get(Total.EVICTED) + count;
    stagedTotals.get(queue)[Total.EVICTED.ordinal()] = evicted;
    row(queue.metaKey(Total.EVICTED.key()), evicted);
    if (!markedOpen) {
      row(CLEAN_STOP, 0); // committed() counts the mark as made
    }
    save.executeBatch();
  }

  /** Stages the totals and {@value #CLEAN_STOP} = 1, for a clean close. */
  void stageCleanClose() throws SQLException {
    stagedLastCommit = lastCommitMillis;
    stageTotals(Map.of());
    row(CLEAN_STOP, 1);
    save.executeBatch();
  }

  /** The caller's transaction committed: what was staged is in the file. */
  void committed() {
    lastCommitMillis = stagedLastCommit;
    markedOpen = true;
    stagedTotals.forEach(
        (q, staged) -> System.arraycopy(staged, 0, savedTotals.get(q), 0, staged.length));
  }

  /** The caller's transaction failed: nothing staged was written. */
  void rolledBack() {
    copySavedToStaged();
    try {
      save.clearBatch();
    } catch (SQLException ignored) {
      // the batch is dropped with the failed connection
    }
  }

  private void copySavedToStaged() {
    savedTotals.forEach(
        (q, saved) -> System.arraycopy(saved, 0, stagedTotals.get(q), 0, saved.length));
  }

  private void stageTotals(Map<Queue, Integer> setAside) throws SQLException {
    for (Map.Entry<Queue, long[]> e : stagedTotals.entrySet()) {
      Queue q = e.getKey();
      long[] staged = e.getValue();
      long[] saved = savedTotals.get(q);
      for (Total t : TOTALS) {
        long value =
            q.stats.totals().get(t) + (t == Total.SET_ASIDE ? setAside.getOrDefault(q, 0) : 0);
        staged[t.ordinal()] = value;
        if (value != saved[t.ordinal()]) {
          row(q.metaKey(t.key()), value);
        }
      }
    }
  }

  private void row(String key, long value) throws SQLException {
    save.setString(1, key);
    save.setLong(2, value);
    save.addBatch();
  }
}
