package cn.yichang.edge.remote.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads requests run on: a fixed number of workers with a short queue (a request beyond it is
 * refused, not queued without bound), and one timer for the time limits.
 */
final class Workers implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;

  Workers(int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> daemon(r, "remote request " + n.incrementAndGet()),
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "remote request timer"));
  }

  /**
   * @throws java.util.concurrent.RejectedExecutionException when every worker is busy and the queue
   *     is full
   */
  Future<?> submit(Runnable task) {
    return pool.submit(task);
  }

  void schedule(Runnable task, Duration delay) {
    timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
