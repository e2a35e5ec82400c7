package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.DeviceStatus;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.TransactionCounters;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one thread that owns a serial line: polls the attached devices one at a time, earliest due
 * first, and keeps the line open (reopening it with backoff when the adapter goes away).
 */
public final class BusScheduler implements Bus {
  private static final Logger LOG = LoggerFactory.getLogger(BusScheduler.class);
  private static final long MIN_REOPEN_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_REOPEN_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final Duration STOP_WAIT = Duration.ofSeconds(3);

  /** On-demand exchanges queued at most; more are refused at once rather than queued for long. */
  // 64: more than the devices one RS-485 segment carries (32 unit loads), so that a remote read of
  // every device of a full bus is queued whole.
  static final int MAX_ON_DEMAND = 64;

  private final String id;
  private final LineSettings settings;
  private final long responseTimeoutNanos;
  private final SerialLineFactory lines;
  private final Clock clock;
  private final Counters counters = new Counters();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<ScheduledDevice> devices = new ArrayList<>();
  private final Deque<OnDemand<?>> onDemand = new ArrayDeque<>();
  private boolean lastWasOnDemand;
  private final Thread thread;
  private volatile boolean running = true;
  private SerialLine line;
  private LineTransactor transactor;
  private long reopenDelayNanos = MIN_REOPEN_NANOS;

  public BusScheduler(
      String id,
      LineSettings settings,
      long responseTimeoutNanos,
      SerialLineFactory lines,
      Clock clock) {
    this.id = id;
    this.settings = settings;
    this.responseTimeoutNanos = responseTimeoutNanos;
    this.lines = lines;
    this.clock = clock;
    this.thread = new Thread(this::run, "bus-" + id);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /**
   * Stops polling; waits up to 3 s for a transaction in progress to end. The line is closed by the
   * bus thread as it ends, never under it: a thread still in a transaction after the wait closes it
   * when the transaction is over.
   */
  public void stop() throws InterruptedException {
    stop(STOP_WAIT);
  }

  void stop(Duration wait) throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(Math.max(1, wait.toMillis()));
    if (thread.isAlive()) {
      LOG.warn(
          "{}: still in a transaction {} ms after being told to stop; it closes {} when it ends",
          id,
          wait.toMillis(),
          settings.port());
    } else {
      closeLine(); // never started, or ended: the line is no longer anybody's
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LineSettings settings() {
    return settings;
  }

  @Override
  public Attachment attach(PolledDevice device) {
    ScheduledDevice scheduled = new ScheduledDevice(device, System.nanoTime());
    withLock(
        () -> {
          devices.add(scheduled);
          changed.signalAll();
        });
    return () ->
        withLock(
            () -> {
              devices.remove(scheduled);
              changed.signalAll();
            });
  }

  /** Makes a device due now, for {@code edge:poll}; false if it is not on this bus. */
  boolean pollSoon(String deviceId) {
    lock.lock();
    try {
      for (ScheduledDevice d : devices) {
        if (d.device.id().equals(deviceId)) {
          d.dueNow(System.nanoTime());
          changed.signalAll();
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> CompletableFuture<T> exchange(String deviceId, Exchange<T> exchange) {
    OnDemand<T> job = new OnDemand<>(deviceId, exchange, new CompletableFuture<>());
    lock.lock();
    try {
      if (!running) {
        job.result.completeExceptionally(new RejectedExecutionException(id + " is stopped"));
      } else if (onDemand.size() >= MAX_ON_DEMAND) {
        job.result.completeExceptionally(
            new RejectedExecutionException(
                id + ": " + MAX_ON_DEMAND + " on-demand exchanges already queued"));
      } else {
        onDemand.add(job);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    return job.result;
  }

  @Override
  public TransactionCounters counters() {
    return counters.snapshot();
  }

  @Override
  public List<DeviceStatus> devices() {
    lock.lock();
    try {
      return devices.stream().map(ScheduledDevice::status).toList();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    // Every line this thread logs names its bus (the log pattern prints bus= and device=).
    MDC.put("bus", id);
    try {
      serve();
    } finally {
      failOnDemand();
      closeQuietly();
    }
  }

  private void serve() {
    while (running) {
      try {
        Object next = awaitWork();
        if (next != null && ensureLineOpen()) {
          if (next instanceof OnDemand<?> job) {
            runOnDemand(job);
          } else {
            poll((ScheduledDevice) next);
          }
        } else if (next instanceof OnDemand<?> job) {
          job.result.completeExceptionally(
              new IOException(id + ": the line " + settings.port() + " is not open"));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // Whatever went wrong, the bus must not stop polling for good: log, reopen, go on.
        LOG.error("{}: unexpected failure; reopening the line", id, e);
        closeQuietly();
        try {
          Pacing.waitUntil(System.nanoTime() + MIN_REOPEN_NANOS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void closeQuietly() {
    try {
      closeLine();
    } catch (RuntimeException e) {
      line = null;
      transactor = null;
    }
  }

  /**
   * The next thing to do on the line: an on-demand exchange, unless the last one was one and a
   * scheduled device is due (polls and on-demand work alternate under load), or the earliest due
   * device.
   */
  private Object awaitWork() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (running) {
        ScheduledDevice first =
            devices.stream().min(Comparator.comparingLong(ScheduledDevice::dueNanos)).orElse(null);
        boolean due = first != null && first.dueNanos() - System.nanoTime() <= 0;
        if (!onDemand.isEmpty() && !(due && lastWasOnDemand)) {
          lastWasOnDemand = true;
          return onDemand.poll();
        }
        if (first == null) {
          changed.await();
          continue;
        }
        long wait = first.dueNanos() - System.nanoTime();
        if (wait <= 0) {
          lastWasOnDemand = false;
          return first;
        }
        changed.awaitNanos(wait);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private void poll(ScheduledDevice scheduled) throws InterruptedException {
    transactor.pollingFor(scheduled.counters);
    boolean answered = false;
    MDC.put("device", scheduled.device.id());
    try {
      answered = scheduled.device.poll(transactor);
    } catch (UncheckedIOException e) {
      LOG.warn("{}: line failed while polling {}: {}", id, scheduled.device.id(), e.getMessage());
      closeLine();
    } catch (RuntimeException e) {
      LOG.error("{}: polling {} failed", id, scheduled.device.id(), e);
    } finally {
      MDC.remove("device");
    }
    scheduled.polled(answered, System.nanoTime());
  }

  private <T> void runOnDemand(OnDemand<T> job) throws InterruptedException {
    if (job.result.isDone()) {
      return; // cancelled while queued (the requester gave up): a late write would surprise
    }
    Counters deviceCounters = null;
    lock.lock();
    try {
      for (ScheduledDevice d : devices) {
        if (d.device.id().equals(job.deviceId)) {
          deviceCounters = d.counters;
        }
      }
    } finally {
      lock.unlock();
    }
    transactor.pollingFor(deviceCounters != null ? deviceCounters : new Counters());
    try {
      job.result.complete(job.exchange.run(transactor));
    } catch (InterruptedException e) {
      job.result.completeExceptionally(e);
      throw e;
    } catch (UncheckedIOException e) {
      LOG.warn("{}: line failed during an exchange with {}: {}", id, job.deviceId, e.getMessage());
      job.result.completeExceptionally(e);
      closeLine();
    } catch (Exception e) {
      job.result.completeExceptionally(e);
    }
  }

  private void failOnDemand() {
    lock.lock();
    try {
      for (OnDemand<?> job; (job = onDemand.poll()) != null; ) {
        job.result.completeExceptionally(new RejectedExecutionException(id + " is stopping"));
      }
    } finally {
      lock.unlock();
    }
  }

  private record OnDemand<T>(String deviceId, Exchange<T> exchange, CompletableFuture<T> result) {}

  private boolean ensureLineOpen() throws InterruptedException {
    if (line != null) {
      return true;
    }
    try {
      line = lines.open(settings);
      transactor = new LineTransactor(line, responseTimeoutNanos, counters, clock);
      reopenDelayNanos = MIN_REOPEN_NANOS;
      LOG.info("{}: opened {} at {} baud", id, settings.port(), settings.baud());
      return true;
    } catch (IOException e) {
      LOG.warn(
          "{}: {}; retrying in {} s",
          id,
          e.getMessage(),
          TimeUnit.NANOSECONDS.toSeconds(reopenDelayNanos));
      Pacing.waitUntil(System.nanoTime() + reopenDelayNanos);
      reopenDelayNanos = Math.min(2 * reopenDelayNanos, MAX_REOPEN_NANOS);
      return false;
    }
  }

  private void closeLine() {
    if (line != null) {
      line.close();
      line = null;
      transactor = null;
    }
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
