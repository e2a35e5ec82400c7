package cn.yichang.edge.rig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the gateway's resident memory from {@code /proc/PID/status} twice a second: the largest
 * VmRSS seen, the last VmHWM (the kernel's own peak) of every process, and the mean of the samples.
 */
final class RssSampler implements AutoCloseable {

  private final LongSupplier pid;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
          });
  private long maxRssKb;
  private long maxHwmKb;
  private long sumRssKb;
  private long samples;

  /**
   * @param pid the current gateway's pid, or 0 while there is none
   */
  RssSampler(LongSupplier pid) {
    this.pid = pid;
    timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** Takes one sample now (also called just before the gateway is stopped or killed). */
  synchronized void sample() {
    long p = pid.getAsLong();
    if (p <= 0) {
      return;
    }
    OptionalLong rss = field(p, "VmRSS:");
    OptionalLong hwm = field(p, "VmHWM:");
    if (rss.isPresent()) {
      maxRssKb = Math.max(maxRssKb, rss.getAsLong());
      sumRssKb += rss.getAsLong();
      samples++;
    }
    hwm.ifPresent(v -> maxHwmKb = Math.max(maxHwmKb, v));
  }

  synchronized Memory memory() {
    return new Memory(maxRssKb, maxHwmKb, samples == 0 ? 0 : sumRssKb / samples, samples);
  }

  /** Resident memory of the gateway in kB, over all its runs. */
  record Memory(long maxRssKb, long peakHwmKb, long meanRssKb, long samples) {}

  static OptionalLong field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          return OptionalLong.of(
              Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone, or not on Linux
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
