package cn.yichang.edge.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes: takes groups from the intake (by count and by time), commits each in
 * one transaction together with the pending deletions, and counts a group that cannot be written as
 * lost. It retries with the next group, so writing resumes by itself when the disk has room again.
 */
final class GroupWriter {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  private final Intake intake;
  private final DurableBuffer buffer;
  private final LossLog losses;
  private final int groupMax;
  private final long intervalNanos;
  private final Thread thread;
  private volatile long stopDeadline;

  GroupWriter(
      Intake intake, DurableBuffer buffer, LossLog losses, int groupMax, long intervalNanos) {
    this.intake = intake;
    this.buffer = buffer;
    this.losses = losses;
    this.groupMax = groupMax;
    this.intervalNanos = intervalNanos;
    this.thread = new Thread(this::run, "edge-store-writer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /**
   * Closes the intake and lets the writer commit what is queued, for at most {@code flushNanos};
   * what is left then is counted as lost.
   *
   * @return whether the writer finished
   */
  boolean stop(long flushNanos) throws InterruptedException {
    stopDeadline = System.nanoTime() + flushNanos;
    intake.close();
    thread.join(TimeUnit.NANOSECONDS.toMillis(flushNanos) + 500);
    return !thread.isAlive();
  }

  private void run() {
    List<Queued> group = new ArrayList<>(groupMax);
    while (true) {
      group.clear();
      try {
        intake.awaitGroup(group, groupMax, intervalNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("Store: writer interrupted; {} queued messages lost", intake.size());
        losses.lost(intake.discard(), LossLog.Reason.CLOSED, null);
        return;
      }
      boolean closing = intake.isClosed();
      if (closing && System.nanoTime() - stopDeadline > 0) {
        List<Queued> left = new ArrayList<>(group);
        left.addAll(intake.discard());
        losses.lost(left, LossLog.Reason.CLOSED, "flush time is up");
        return;
      }
      write(group);
      if (closing && intake.size() == 0) {
        return;
      }
    }
  }

  private void write(List<Queued> group) {
    try {
      buffer.commit(group);
      if (!group.isEmpty()) {
        losses.written();
      }
    } catch (DurableBuffer.WriteFailure e) {
      // Only deletions failed when the group is empty: they are retried with the next group.
      losses.lost(group, e.reason, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Store: unexpected failure writing a group", e);
      losses.lost(group, LossLog.Reason.WRITE_FAILED, e.toString());
    }
  }
}
