package cn.yichang.edge.bench;

import cn.yichang.edge.bench.GatewayMemoryBench.MemorySeries;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the memory benchmark's figures, for people. MiB = 1024 x 1024 bytes. */
final class MemoryReport {

  private final PrintStream out;
  private final MemoryOptions options;

  MemoryReport(PrintStream out, MemoryOptions options) {
    this.out = out;
    this.options = options;
  }

  /**
   * @param cpuCores CPU time over wall time while measuring (1.0 = one core busy); NaN if not
   *     measured
   */
  void memory(String name, MemorySeries series, JvmReport.Heap heap, double cpuCores) {
    printf(
        "%n  %-8s RSS max %5.1f MiB, final %5.1f MiB (anon %5.1f, file %4.1f), HWM %5.1f MiB,"
            + " %d threads%s%n",
        name,
        series.maxRssMeasuredMb(),
        series.lastRssMb(),
        series.lastKb("RssAnon") / 1024.0,
        series.lastKb("RssFile") / 1024.0,
        series.lastHwmMb(),
        series.lastKb("Threads"),
        Double.isNaN(cpuCores)
            ? ""
            : String.format(Locale.ROOT, ", CPU %.1f%% of one core", 100 * cpuCores));
    if (heap.usedKb() >= 0) {
      printf(
          "           heap used %5.1f MiB of %5.1f MiB committed; metaspace used %5.1f MiB,"
              + " committed %5.1f MiB (jcmd GC.heap_info at the end)%n",
          heap.usedKb() / 1024.0,
          heap.committedKb() / 1024.0,
          heap.metaspaceUsedKb() / 1024.0,
          heap.metaspaceCommittedKb() / 1024.0);
    }
  }

  /** What acquisition, buffer and uplink add to the runtime. */
  void cost(MemorySeries gateway, MemorySeries idle) {
    printf(
        "  acquisition + buffer + uplink cost %+.1f MiB of RSS at the end (%+.1f MiB at the highest"
            + " samples, %+.1f MiB of HWM)%n",
        gateway.lastRssMb() - idle.lastRssMb(),
        gateway.maxRssMeasuredMb() - idle.maxRssMeasuredMb(),
        gateway.lastHwmMb() - idle.lastHwmMb());
  }

  /** The NMT summaries side by side, largest categories of the gateway first. */
  void nativeMemory(List<JvmReport.Category> gateway, List<JvmReport.Category> idle) {
    if (gateway.isEmpty()) {
      return;
    }
    printf("  native memory tracking, committed (gateway / idle):%n");
    for (JvmReport.Category c : gateway) {
      long other =
          idle.stream()
              .filter(i -> i.name().equals(c.name()))
              .mapToLong(JvmReport.Category::committedKb)
              .findFirst()
              .orElse(-1);
      printf(
          "    %-28s %7.1f MiB / %s%n",
          c.name(),
          c.committedKb() / 1024.0,
          other < 0 ? "-" : String.format(Locale.ROOT, "%.1f MiB", other / 1024.0));
    }
  }

  void readings(long logged, long received, double seconds, Delivery delivery, String buses) {
    double aim = options.devices() * 1000.0 / options.poll().toMillis();
    printf(
        "%n  reading sets: %.1f/s logged (%d in %.1f s; %d devices every %d ms = %.1f/s), %.1f/s"
            + " at the subscriber%n",
        logged / seconds,
        logged,
        seconds,
        options.devices(),
        options.poll().toMillis(),
        aim,
        received / seconds);
    printf(
        "  delivery: %d messages at the subscriber, %d distinct edge.seq, %d duplicates, %d gaps;"
            + " %d logged reading sets missing%n",
        delivery.received(),
        delivery.distinctSeqs(),
        delivery.duplicates(),
        delivery.seqGaps(),
        delivery.missing().size());
    printf("  buses while measured: %s%n", buses);
  }

  void aim(MemorySeries gateway) {
    double peak = Math.max(gateway.maxRssMeasuredMb(), gateway.lastHwmMb());
    printf(
        "%n  aim: below %.0f MiB RSS: peak (HWM) %.1f MiB, ratio %.2f; highest sample while"
            + " measured %.1f MiB, ratio %.2f%n",
        options.aimMb(),
        peak,
        peak / options.aimMb(),
        gateway.maxRssMeasuredMb(),
        gateway.maxRssMeasuredMb() / options.aimMb());
  }

  private void printf(String format, Object... args) {
    out.print(String.format(Locale.ROOT, format, args));
  }
}
