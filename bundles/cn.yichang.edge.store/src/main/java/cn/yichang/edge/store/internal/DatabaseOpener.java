package cn.yichang.edge.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's file: creates it when missing, and moves a damaged one aside and starts a new
 * one. Remembers the highest next sequence number it has seen, and the ceiling reserved in the file
 * beside the database, so that a new file continues the sequence instead of restarting it, and
 * carries the totals on. Tells {@link UncleanStarts} when the run began after an unclean stop, or
 * had to start a new file.
 */
final class DatabaseOpener {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  private final Path path;
  private final Queues queues;
  private final Clock clock;
  private final SeqReservation reservation;
  private long knownNextSeq; // the next row id; 0: unknown
  private final Map<Queue, Long> knownQueueSeqs = new IdentityHashMap<>();

  /**
   * Whether a file was opened by this store already: from then on a file marked open is marked by
   * us (a reopen after an I/O error), not left so by a run that ended uncleanly.
   */
  private boolean opened;

  DatabaseOpener(Path path, Queues queues, Clock clock) {
    this.path = path;
    this.queues = queues;
    this.clock = clock;
    this.reservation = SeqReservation.beside(path);
  }

  /**
   * Reserves the ids below {@code nextSeq} durably before they are committed: no queue's sequence
   * number is above the next id, so the ceiling bounds every queue's numbers too.
   */
  void reserveBelow(long nextSeq) throws IOException {
    reservation.reserveBelow(nextSeq);
  }

  Path path() {
    return path;
  }

  /** The ids below this one have been used. */
  void used(long nextSeq) {
    knownNextSeq = Math.max(knownNextSeq, nextSeq);
  }

  /** The ids and each queue's numbers below the database's next ones have been used. */
  void used(StoreDatabase db) {
    used(db.nextId());
    for (Queue q : queues.all()) {
      knownQueueSeqs.merge(q, db.nextSeq(q), Math::max);
    }
  }

  /**
   * Each queue's first number in a new file: what it had reached in this run, or in the meta rows
   * of the file before it; when neither is known, {@code nextId}, which no queue's number can have
   * passed (a gap, never a duplicate).
   */
  private Map<Queue, Long> seqsFor(long nextId, Map<String, Long> salvaged) {
    Map<Queue, Long> seqs = new IdentityHashMap<>();
    for (Queue q : queues.all()) {
      long seq = Math.max(knownQueueSeqs.getOrDefault(q, 0L), MetaTable.seqIn(salvaged, q));
      seqs.put(q, seq >= 1 ? seq : Math.max(1, nextId));
    }
    return seqs;
  }

  /** Opens the file, creating it when missing; a damaged file is replaced. */
  StoreDatabase open() throws SQLException, IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!Files.exists(path)) {
      long next = Math.max(1, Math.max(knownNextSeq, reservation.ceiling()));
      if (next > 1) {
        LOG.warn(
            "Store: {} is missing; a new one continues edge.seq at {}, above every number"
                + " reserved in {}",
            path,
            next,
            reservation.file());
        // A file existed (numbers were reserved for it): whatever it held is gone uncounted.
        UncleanStarts.found(path, "the buffer file was missing; a new one was started", null);
      }
      return created(StoreDatabase.create(path, next, seqsFor(next, Map.of()), clock));
    }
    StoreDatabase db;
    try {
      db = StoreDatabase.open(path, queues, clock);
    } catch (SQLException e) {
      if (!SqliteErrors.isCorrupt(e)) {
        throw e;
      }
      return replace(e, -1, null);
    }
    if (!opened && !db.closedCleanly()) {
      UncleanStarts.found(path, "the gateway did not stop cleanly", db.lastCommit());
      LOG.warn(
          "Store: {} was not closed cleanly (kill -9, power cut or crash); messages last committed"
              + " at {}: what was queued after that is lost and counted nowhere",
          path,
          db.lastCommit());
    }
    return created(db);
  }

  /**
   * Moves the damaged file (with its -wal and -shm) aside and creates a new one. Its sequence
   * continues from the highest of: what this store used before, what the damaged file still says.
   * When neither is known (a file found damaged at start and unreadable) it continues from the
   * clock, in microseconds since the epoch: above any number the gateway can have used, so the
   * platform sees a gap, never a duplicate.
   *
   * <p>The totals continue from the damaged file's meta table when it can still be read (a file
   * damaged at start), else from what this store counted. Either way the replacement is recorded as
   * an unclean start: what the file held when it was found damaged at start is not known.
   *
   * @param lostMessages how many messages the damaged file held, -1 when unknown
   * @param lastCommit when messages were last committed to it, {@code null} when unknown
   */
  StoreDatabase replace(Exception reason, long lostMessages, Instant lastCommit)
      throws SQLException, IOException {
    Path aside = CorruptFiles.moveAside(path, clock.instant());
    queues.file().corrupt.incrementAndGet();
    Map<String, Long> meta = SqliteFiles.salvageMeta(aside);
    for (Queue q : queues.all()) {
      q.stats.totals().raiseTo(MetaTable.totalsIn(meta, q));
    }
    if (lastCommit == null && meta.containsKey(MetaTable.LAST_COMMIT)) {
      lastCommit = Instant.ofEpochMilli(meta.get(MetaTable.LAST_COMMIT));
    }
    UncleanStarts.found(path, "the buffer file was damaged and replaced", lastCommit);
    // Only the meta value: max(id) + 1 of the surviving rows is below numbers already used
    // whenever higher ids were acknowledged and deleted first (alarms overtaking a telemetry
    // backlog), and reusing them would make new data look like duplicates to the platform.
    long salvaged = Math.max(meta.getOrDefault(MetaTable.NEXT_SEQ, 0L), 0);
    salvaged = salvaged > 1 ? salvaged : 0;
    long reserved = reservation.ceiling();
    String origin;
    if (knownNextSeq > 0 && knownNextSeq >= salvaged) {
      origin = "as before the damage";
    } else if (salvaged > 0) {
      origin = "read from the damaged file";
    } else if (reserved > 0) {
      origin = "above the ceiling reserved in " + reservation.file();
      salvaged = reserved;
    } else {
      origin = "nothing readable: continuing from the clock in µs, above any number used before";
      salvaged = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }
    used(salvaged);
    StoreDatabase db = StoreDatabase.create(path, knownNextSeq, seqsFor(knownNextSeq, meta), clock);
    LOG.error(
        "Store: database {} is damaged ({}); moved it aside to {} and started a new one; {}; seq"
            + " continues at {} ({})",
        path,
        reason.getMessage(),
        aside,
        lostMessages < 0
            ? "what it held is not counted"
            : lostMessages + " messages it held are counted as lost",
        knownNextSeq,
        origin);
    return created(db);
  }

  private StoreDatabase created(StoreDatabase db) {
    opened = true;
    used(db);
    return db;
  }
}
