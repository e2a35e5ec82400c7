package cn.yichang.edge.distrib;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code bin/sanxia-edge} of the built distribution, run as a process, with its output kept. */
final class GatewayProcess implements AutoCloseable {
  static final Path HOME = Path.of(System.getProperty("sanxia.home", "target/sanxia-edge"));

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread pump;

  private GatewayProcess(Process process) {
    this.process = process;
    this.pump = new Thread(this::pump, "gateway-output");
    pump.setDaemon(true);
    pump.start();
  }

  static GatewayProcess start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  /** With these variables added to the environment (NOTIFY_SOCKET, SANXIA_STATE_DIR, ...). */
  static GatewayProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("bin/sanxia-edge").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new GatewayProcess(builder.start());
  }

  /** Runs a command of bin/sanxia-edge to completion and returns its exit code. */
  static Result run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  /** With these variables added to the environment. */
  static Result run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    try (GatewayProcess p = start(env, args)) {
      if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("sanxia-edge " + String.join(" ", args) + " did not finish");
      }
      p.pump.join(5_000);
      return new Result(p.process.exitValue(), List.copyOf(p.lines));
    }
  }

  record Result(int exitCode, List<String> output) {}

  private void pump() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        System.out.println("[gateway] " + line);
      }
    } catch (IOException e) {
      // The process is gone; what was read is kept.
    }
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  List<String> linesMatching(Predicate<String> filter) {
    return lines.stream().filter(filter).toList();
  }

  String awaitLine(Predicate<String> filter, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> lines.stream().anyMatch(filter) || !process.isAlive());
    Optional<String> line = lines.stream().filter(filter).findFirst();
    return line.orElseThrow(
        () -> new AssertionError("gateway ended without the expected line:\n" + output()));
  }

  String output() {
    return String.join("\n", lines);
  }

  /**
   * Sends SIGTERM and returns the exit code, failing if the gateway takes longer than 15 s (its own
   * stop gives up after 4 s; the rest is room for a loaded CI machine).
   */
  int terminate() throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of its output.
    process.toHandle().destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("gateway did not stop within 15 s of SIGTERM");
    }
    pump.join(2_000);
    return process.exitValue();
  }

  /** SIGKILL, as a power cut would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
