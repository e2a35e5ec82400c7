package cn.yichang.edge.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process whose output lines a test waits for, with a deadline. */
final class ChildProcess implements AutoCloseable {

  /** Put after the last line; compared by identity, so no output line can be mistaken for it. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String EOF = new String("<eof>");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder transcript = new StringBuilder();
  private final Writer stdin;

  ChildProcess(List<String> command) throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread pump = new Thread(this::pump, "child-output-" + command.get(0));
    pump.setDaemon(true);
    pump.start();
  }

  /** Runs a command to its end (or kills it at the timeout) and returns its output. */
  static String run(Duration timeout, String... command) throws Exception {
    try (ChildProcess child = new ChildProcess(List.of(command))) {
      if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
      }
      return child.awaitEnd(timeout);
    }
  }

  /** Waits for a line that matches; fails with the output so far when time is up. */
  String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no matching line within " + timeout + "; output:\n" + output());
      }
      if (matches.test(line)) {
        return line;
      }
    }
  }

  void writeLine(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** Sends SIGTERM and waits for the exit code and the last of the output. */
  int terminate(Duration timeout) throws InterruptedException {
    // not Process.destroy(): it also closes our end of the pipes, losing what the child prints
    // on its way out
    process.toHandle().destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("did not exit within " + timeout + " of SIGTERM:\n" + output());
    }
    awaitEnd(timeout);
    return process.exitValue();
  }

  /** Waits until all output was read and returns it. */
  String awaitEnd(Duration timeout) throws InterruptedException {
    process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long deadline = System.nanoTime() + timeout.toNanos();
    String line;
    do { // drain up to the end marker; the transcript keeps every line
      line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } while (line != null && line != EOF);
    return output();
  }

  String output() {
    synchronized (transcript) {
      return transcript.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (transcript) {
          transcript.append(line).append('\n');
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // the process went away
    } finally {
      lines.add(EOF);
    }
  }
}
