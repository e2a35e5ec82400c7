package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the next batch from the store on its own thread while the drainer publishes the current
 * one. A take reads SQLite and may wait for a group commit's fsync; done on the publishing thread
 * it stopped publishing meanwhile (7-11 us per message of 50-60). One batch is held ready at most,
 * so at a loss no more than one more batch is taken again after the rewind (never sent twice).
 *
 * <p>Lives for one connection: {@link #close()} returns only once the thread has ended, so that the
 * rewind that follows cannot be overtaken by a take of the old connection.
 */
final class TakeAhead implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TakeAhead.class);

  /** How long close() waits for a take in progress before it reports it. */
  private static final Duration END_WAIT = Duration.ofSeconds(10);

  private final MessageStore store;
  private final int batchSize;
  private final Duration poll;
  private final SynchronousQueue<List<StoredMessage>> handOff = new SynchronousQueue<>();
  private final Thread thread;
  private volatile boolean open = true;
  private volatile Throwable failure;

  private TakeAhead(MessageStore store, int batchSize, Duration poll) {
    this.store = store;
    this.batchSize = batchSize;
    this.poll = poll;
    this.thread = new Thread(this::run, "uplink-take-ahead");
    thread.setDaemon(true);
  }

  /** Starts taking batches of up to {@code batchSize} messages, waiting up to {@code poll} each. */
  static TakeAhead start(MessageStore store, int batchSize, Duration poll) {
    TakeAhead ahead = new TakeAhead(store, Math.max(1, batchSize), poll);
    ahead.thread.start();
    return ahead;
  }

  /**
   * The next batch, waiting up to {@code wait}; empty when none came.
   *
   * @throws RuntimeException or Error: what the store threw on the taking thread (it has ended);
   *     the uplink's loop reconnects after either, as it did when it took on its own thread
   */
  List<StoredMessage> next(Duration wait) throws InterruptedException {
    List<StoredMessage> batch = handOff.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (batch != null) {
      return batch;
    }
    Throwable e = failure;
    if (e instanceof Error error) {
      throw error;
    }
    if (e != null) {
      throw (RuntimeException) e;
    }
    return List.of();
  }

  private void run() {
    try {
      while (open) {
        List<StoredMessage> batch = store.take(batchSize, poll);
        while (!batch.isEmpty() && open) {
          if (handOff.offer(batch, poll.toNanos(), TimeUnit.NANOSECONDS)) {
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      // closed; a batch taken and not handed over is taken again after the rewind
    } catch (RuntimeException | Error e) {
      // An OutOfMemoryError or a LinkageError in a refresh too: the drainer must not wait on a
      // thread that is gone while the connection stays up
      failure = e;
    }
  }

  /** Stops taking and waits for the thread to end. */
  @Override
  public void close() {
    open = false;
    thread.interrupt();
    boolean interrupted = false;
    long deadline = System.nanoTime() + END_WAIT.toNanos();
    while (thread.isAlive()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.error(
            "Uplink: a take from the store did not end within {} s (a commit stuck on the disk?);"
                + " what it takes is dropped and taken again after the rewind that waits for it",
            END_WAIT.toSeconds());
        break;
      }
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        interrupted = true; // stopping: still wait, the rewind must come after the last take
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
