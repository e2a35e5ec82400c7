package cn.yichang.edge.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway itself, as an installer runs it: {@code bin/sanxia-edge run --config SITE} of the
 * distribution the demo came with, as a child process with its buffer in the demo's directory and
 * its log in {@code gateway.log} there (the terminal belongs to the platform view).
 */
final class GatewayChild implements AutoCloseable {

  /** The gateway promises to stop within 5 s of SIGTERM; give it some slack before SIGKILL. */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;

  private GatewayChild(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static GatewayChild start(Path home, Path siteFile, Path workDir) throws IOException {
    Path log = workDir.resolve("gateway.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/sanxia-edge").toString(), "run", "--config", siteFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("SANXIA_STATE_DIR", workDir.resolve("state").toString());
    return new GatewayChild(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, once the gateway has ended. */
  int exitValue() {
    return process.exitValue();
  }

  /** The last lines of the gateway's log, to explain why it ended. */
  List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(no gateway log: " + e.getMessage() + ")");
    }
  }

  /**
   * SIGTERM, as a service manager stops the gateway, and waits for it; SIGKILL after {@link
   * #STOP_DEADLINE}. Children of the start script (its validation step) go the same way.
   *
   * @return the gateway's exit code, or -1 if it had to be killed
   */
  int stop() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.toHandle().destroy();
    children.forEach(ProcessHandle::destroy);
    boolean stopped = process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    if (!stopped) {
      process.toHandle().destroyForcibly();
      process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    return stopped ? process.exitValue() : -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
