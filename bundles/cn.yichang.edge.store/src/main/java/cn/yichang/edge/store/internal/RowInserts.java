package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The inserts of a group commit: each message gets the next id and its queue's next number. Rows of
 * the first queue whose number is their id (a gateway with one destination) leave {@code queue} and
 * {@code seq} to their defaults, two values fewer to bind per row.
 */
final class RowInserts {
  private final PreparedStatement insert;
  private final PreparedStatement insertNumberedById;

  RowInserts(Connection connection) throws SQLException {
    insert =
        connection.prepareStatement(
            "INSERT INTO messages (id, priority, topic, payload, created, queue, seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
    insertNumberedById =
        connection.prepareStatement(
            "INSERT INTO messages (id, priority, topic, payload, created) VALUES (?, ?, ?, ?, ?)");
  }

  /**
   * Inserts {@code messages} in the caller's transaction from id {@code id} on, each queue's
   * numbers from {@code seqs} (raised by the numbers used) or else from {@code nextSeq}, counting
   * them in {@code written}.
   *
   * @return the next id
   */
  long insert(
      List<Queued> messages,
      long id,
      Map<Queue, Long> nextSeq,
      Map<Queue, Long> seqs,
      Map<Queue, StoreDatabase.QueueWritten> written)
      throws SQLException {
    boolean numbered = false;
    boolean byId = false;
    Queue queue = null; // the queue of the run of messages being inserted
    long seq = 0;
    StoreDatabase.QueueWritten w = null;
    for (Queued q : messages) {
      if (q.queue() != queue) {
        if (queue != null) {
          seqs.put(queue, seq);
        }
        queue = q.queue();
        seq = seqs.containsKey(queue) ? seqs.get(queue) : nextSeq.get(queue);
        w = written.computeIfAbsent(queue, k -> new StoreDatabase.QueueWritten());
      }
      OutboundMessage m = q.message();
      w.inserted++;
      w.newestInserted[m.priority().ordinal()] = id;
      PreparedStatement p = queue.number == 0 && seq == id ? insertNumberedById : insert;
      p.setLong(1, id++);
      p.setInt(2, m.priority().ordinal());
      p.setString(3, m.topic());
      p.setBytes(4, m.payload());
      p.setLong(5, m.created().toEpochMilli());
      if (p == insert) {
        p.setInt(6, queue.number);
        p.setLong(7, seq);
        numbered = true;
      } else {
        byId = true;
      }
      p.addBatch();
      seq++;
    }
    if (queue != null) {
      seqs.put(queue, seq);
    }
    if (byId) {
      insertNumberedById.executeBatch();
    }
    if (numbered) {
      insert.executeBatch();
    }
    return id;
  }

  /** After a failed transaction: the batches are dropped. */
  void clearBatch() throws SQLException {
    insert.clearBatch();
    insertNumberedById.clearBatch();
  }
}
