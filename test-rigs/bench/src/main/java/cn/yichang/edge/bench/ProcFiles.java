package cn.yichang.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** What Linux says about a process in {@code /proc/<pid>/}: CPU time and memory. */
final class ProcFiles {

  /** USER_HZ: the unit of the CPU times in {@code /proc/<pid>/stat} on Linux. */
  private static final long TICK_NANOS = 10_000_000L;

  private ProcFiles() {}

  /** User + system CPU time of the process so far (all its threads), or empty once it is gone. */
  static OptionalLong cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name (field 2) may contain spaces: count fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return OptionalLong.of(ticks * TICK_NANOS);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The {@code kB} and count fields of {@code /proc/<pid>/status} (VmRSS, VmHWM, RssAnon, RssFile,
   * Threads, ...), in kB or as counts; empty once the process is gone.
   */
  static Map<String, Long> status(long pid) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String[] value = line.substring(colon + 1).trim().split("\\s+");
        if (value.length >= 1 && value[0].matches("\\d+")) {
          out.put(line.substring(0, colon), Long.parseLong(value[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      out.clear();
    }
    return out;
  }

  /** The process's command line, arguments separated by spaces; empty once it is gone. */
  static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
