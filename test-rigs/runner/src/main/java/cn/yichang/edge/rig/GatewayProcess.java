package cn.yichang.edge.rig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of {@code bin/sanxia-edge run --config SITE} from the built distribution. Its output is
 * appended to the rig's gateway log and each line handed to a listener. The script {@code exec}s
 * the JVM, so the process's pid is the gateway's own (for {@code /proc/PID/status}).
 */
final class GatewayProcess {

  private final Process process;
  private final Thread pump;
  private volatile boolean stoppedByUs;

  private GatewayProcess(Process process, PrintWriter log, int run, Consumer<String> lines) {
    this.process = process;
    this.pump = new Thread(() -> pump(log, run, lines), "gateway-output-" + run);
    pump.setDaemon(true);
    pump.start();
  }

  static GatewayProcess start(
      Path home, Path site, Path stateDir, PrintWriter log, int run, Consumer<String> lines)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/sanxia-edge").toString(), "run", "--config", site.toString())
            .redirectErrorStream(true);
    builder.environment().put("SANXIA_STATE_DIR", stateDir.toString());
    synchronized (log) {
      log.println("----- gateway run " + run + " -----");
      log.flush();
    }
    return new GatewayProcess(builder.start(), log, run, lines);
  }

  private void pump(PrintWriter log, int run, Consumer<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (log) {
          log.println(line);
          log.flush();
        }
        lines.accept(line);
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** True if it exited although nobody stopped or killed it. */
  boolean diedUnexpectedly() {
    return !process.isAlive() && !stoppedByUs;
  }

  int exitCode() {
    return process.exitValue();
  }

  /**
   * SIGTERM; returns the exit code, or -1 if it took longer than {@code seconds} (then SIGKILL).
   */
  int terminate(long seconds) throws InterruptedException {
    stoppedByUs = true;
    // Through the handle: Process.destroy() would also close our end of its output.
    process.toHandle().destroy();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.toHandle().destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      pump.join(2_000);
      return -1;
    }
    pump.join(2_000);
    return process.exitValue();
  }

  /** SIGKILL, as a power cut would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    stoppedByUs = true;
    process.toHandle().destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    pump.join(2_000);
  }
}
