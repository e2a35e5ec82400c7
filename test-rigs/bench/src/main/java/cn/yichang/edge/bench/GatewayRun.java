package cn.yichang.edge.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/sanxia-edge run --config SITE} of the built distribution as a process: its output goes
 * to a log file, its {@code reading DEVICE at TIME: ...} lines are counted as they come, warnings
 * and errors are echoed (the first few), and its JVM's {@code /proc} figures can be read.
 */
final class GatewayRun implements AutoCloseable {

  private static final Pattern READING = Pattern.compile("reading (\\S+) at (\\S+): ");
  private static final String LAUNCHER = "cn.yichang.edge.launcher.Launcher";
  private static final int ECHOED_PROBLEMS = 20;

  /** A reading set the gateway logged: device, acquisition time, when this process saw it. */
  record Logged(String device, long acquiredMillis, long seenNanos) {}

  private final String name;
  private final Process process;
  private final Thread pump;
  private final BufferedWriter log;
  private final List<Logged> readings = new ArrayList<>(); // guarded by itself
  private final AtomicInteger problems = new AtomicInteger();
  private long stopRequested;
  private long stopNanos;

  private GatewayRun(String name, Process process, BufferedWriter log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pump = new Thread(this::pump, "gateway-output-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Starts the gateway.
   *
   * @param javaOpts {@code SANXIA_JAVA_OPTS}, or null for the distribution's default
   */
  static GatewayRun start(
      String name, Path home, Path site, Path stateDir, String javaOpts, Path logFile)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/sanxia-edge").toString(), "run", "--config", site.toString())
            .redirectErrorStream(true);
    builder.environment().put("SANXIA_STATE_DIR", stateDir.toString());
    if (javaOpts != null) {
      builder.environment().put("SANXIA_JAVA_OPTS", javaOpts);
    } else {
      builder.environment().remove("SANXIA_JAVA_OPTS");
    }
    BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
    return new GatewayRun(name, builder.start(), log);
  }

  /**
   * The JVM's pid once the script has exec'd it (before that the pid is the script's, running the
   * site file's validation), or empty if the process ended or the deadline passed.
   */
  OptionalLong awaitJvm(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (process.isAlive() && System.nanoTime() - deadline < 0) {
      if (ProcFiles.commandLine(process.pid()).contains(LAUNCHER)) {
        return OptionalLong.of(process.pid());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return OptionalLong.empty();
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** VmRSS, VmHWM, RssAnon, RssFile, Threads, ... of the process now; empty once it is gone. */
  Map<String, Long> status() {
    return ProcFiles.status(process.pid());
  }

  /** Every reading set logged so far. */
  List<Logged> readings() {
    synchronized (readings) {
      return List.copyOf(readings);
    }
  }

  /** Reading sets logged (seen by this process) within {@code [fromNanos, toNanos)}. */
  long readingsBetween(long fromNanos, long toNanos) {
    synchronized (readings) {
      return readings.stream()
          .filter(r -> r.seenNanos() - fromNanos >= 0 && r.seenNanos() - toNanos < 0)
          .count();
    }
  }

  /** WARN and ERROR lines so far. */
  int problems() {
    return problems.get();
  }

  private void pump() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        long now = System.nanoTime();
        Matcher m = READING.matcher(line);
        if (m.find()) {
          record(m.group(1), m.group(2), now);
        } else if (line.contains(" WARN ") || line.contains(" ERROR ")) {
          if (problems.incrementAndGet() <= ECHOED_PROBLEMS) {
            System.out.println("  [" + name + "] " + line);
          }
        }
        synchronized (log) {
          log.write(line);
          log.newLine();
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    } finally {
      synchronized (log) {
        try {
          log.close();
        } catch (IOException e) {
          // nothing more to write
        }
      }
    }
  }

  private void record(String device, String time, long now) {
    try {
      long millis = Instant.parse(time).toEpochMilli();
      synchronized (readings) {
        readings.add(new Logged(device, millis, now));
      }
    } catch (DateTimeParseException e) {
      // not one of the gateway's reading lines
    }
  }

  /** SIGTERM, then SIGKILL after 10 s; returns the exit code. */
  int stop() throws InterruptedException {
    stopRequested = System.nanoTime();
    process.toHandle().destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    stopNanos = System.nanoTime() - stopRequested;
    pump.join(2000);
    return process.exitValue();
  }

  /** How long the process took to end after {@link #stop()} sent SIGTERM. */
  long stopNanos() {
    return stopNanos;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
