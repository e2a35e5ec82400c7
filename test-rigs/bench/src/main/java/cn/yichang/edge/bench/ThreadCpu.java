package cn.yichang.edge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time consumed by the threads whose names start with a prefix (the bus thread {@code bus-},
 * the simulator's {@code sim-}), to tell a thread that waits from one that spins.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** CPU nanoseconds so far of each live thread whose name starts with a prefix, by prefix. */
  static Map<String, Long> snapshot(String... prefixes) {
    Map<String, Long> cpu = new TreeMap<>();
    for (String prefix : prefixes) {
      cpu.put(prefix, 0L);
    }
    if (!THREADS.isThreadCpuTimeSupported()) {
      return cpu;
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      for (String prefix : prefixes) {
        if (thread.getName().startsWith(prefix)) {
          long nanos = THREADS.getThreadCpuTime(thread.getId());
          if (nanos > 0) {
            cpu.merge(prefix, nanos, Long::sum);
          }
        }
      }
    }
    return cpu;
  }

  /** CPU nanoseconds so far of the calling thread (0 when the JVM cannot tell). */
  static long currentThreadNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** {@code after - before}, per prefix. */
  static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((prefix, nanos) -> delta.put(prefix, nanos - before.getOrDefault(prefix, 0L)));
    return delta;
  }
}
