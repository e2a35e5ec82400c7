package cn.yichang.edge.remote.internal.cmd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program without a shell (arguments are passed as they are, nothing is expanded), feeds
 * its stdin, keeps at most {@code maxBytes} of stdout and of stderr each (the rest is read and
 * dropped, so the program never blocks on a full pipe), and kills it with its descendants when it
 * runs over its time.
 */
final class CommandRunner {

  record Result(String stdout, String stderr, int exitCode, boolean timedOut) {}

  private CommandRunner() {}

  static Result run(
      List<String> argv,
      Map<String, String> environment,
      Path workingDirectory,
      byte[] stdin,
      Duration timeout,
      int maxBytes)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    Capped out = new Capped(process.getInputStream(), maxBytes, "stdout");
    Capped err = new Capped(process.getErrorStream(), maxBytes, "stderr");
    try {
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException e) {
        // the program does not read its stdin: that is its business
      }
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        kill(process);
      }
      out.joinBounded();
      err.joinBounded();
      return new Result(
          out.text(), err.text(), process.isAlive() ? -1 : process.exitValue(), !finished);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /** Reads a stream to its end on its own thread, keeping the first {@code max} bytes. */
  private static final class Capped extends Thread {
    private final InputStream in;
    private final int max;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    Capped(InputStream in, int max, String name) {
      super("command " + name);
      this.in = in;
      this.max = max;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          synchronized (this) {
            int room = Math.max(0, max - kept.size());
            kept.write(buffer, 0, Math.min(room, n));
            dropped += n - Math.min(room, n);
          }
        }
      } catch (IOException e) {
        // the pipe closed under us when the program was killed
      }
    }

    void joinBounded() throws InterruptedException {
      join(5_000); // a grandchild may keep the pipe open; what was read by then is the output
    }

    synchronized String text() {
      String text = kept.toString(StandardCharsets.UTF_8);
      return dropped == 0 ? text : text + "\n[" + dropped + " more bytes not kept]";
    }
  }
}
