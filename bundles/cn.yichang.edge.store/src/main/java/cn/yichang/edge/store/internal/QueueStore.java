package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One destination's {@link MessageStore}: its queue in the store's file. */
final class QueueStore implements MessageStore {
  private final Queue queue;
  private final Intake intake;
  private final DurableBuffer buffer;
  private final LossLog losses;
  private final int commitMaxMessages;
  private final Path path;

  QueueStore(
      Queue queue,
      Intake intake,
      DurableBuffer buffer,
      LossLog losses,
      int commitMaxMessages,
      Path path) {
    this.queue = queue;
    this.intake = intake;
    this.buffer = buffer;
    this.losses = losses;
    this.commitMaxMessages = commitMaxMessages;
    this.path = path;
  }

  String destination() {
    return queue.name;
  }

  @Override
  public void enqueue(OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    if (!intake.offer(new Queued(queue, message))) {
      losses.lost(
          queue, intake.isClosed() ? LossLog.Reason.CLOSED : LossLog.Reason.QUEUE_FULL, null);
    }
  }

  @Override
  public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    return buffer.take(queue, max, wait);
  }

  @Override
  public void acknowledge(long id) {
    queue.cursor.acknowledge(id);
    // Deletions wait for the next group; a fast drain would pile up acknowledged rows that a
    // kill -9 then sends again. Past one group's worth, commit them now.
    if (queue.cursor.pendingDeleteCount() >= commitMaxMessages) {
      intake.wake();
    }
  }

  @Override
  public void split(long id, byte[] first, List<OutboundMessage> rest) {
    queue.cursor.split(new RowSplit(queue, id, first, rest));
    intake.wake(); // the parts should not wait for the next group's interval
  }

  @Override
  public void setAside(long id, String reason) {
    queue.cursor.setAside(id, reason);
  }

  @Override
  public void rewind() {
    buffer.rewind(queue);
  }

  @Override
  public StoreCounters counters() {
    return queue.stats.snapshot();
  }

  @Override
  public StoreHistory history() {
    return queue.stats.history(UncleanStarts.of(path));
  }

  /** Per priority: how many messages are buffered and when the oldest and newest were acquired. */
  List<PrioritySpan> spans() {
    return buffer.spans(queue);
  }
}
