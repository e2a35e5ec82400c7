package cn.yichang.edge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer: a small libmodbus RTU master ({@code src/main/c/bus_master.c}) compiled at run time
 * with {@code cc $(pkg-config --cflags --libs libmodbus)} and run in a tight loop over the same
 * reads of the same units.
 */
final class LibmodbusPeer {

  private static final String SOURCE = "c/bus_master.c";
  private static final Pattern RESULT =
      Pattern.compile("polls=(\\d+) failed=(\\d+) seconds=([0-9.]+)");

  /** What the master printed. */
  record Result(long polls, long failed, double seconds) {
    double pollsPerSecond() {
      return polls / seconds;
    }
  }

  private final Path binary;
  private final String version;

  private LibmodbusPeer(Path binary, String version) {
    this.binary = binary;
    this.version = version;
  }

  /**
   * Compiles the master into {@code dir}.
   *
   * @throws IOException with the compiler's or pkg-config's output when that fails
   */
  static LibmodbusPeer compile(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path source = dir.resolve("bus_master.c");
    try (InputStream in = LibmodbusPeer.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IOException(SOURCE + " is not on the classpath");
      }
      Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
    }
    Path binary = dir.resolve("bus_master");
    run(
        dir,
        Duration.ofSeconds(60),
        "sh",
        "-c",
        "cc -O2 -o bus_master bus_master.c $(pkg-config --cflags --libs libmodbus)");
    String version = run(dir, Duration.ofSeconds(10), "pkg-config", "--modversion", "libmodbus");
    return new LibmodbusPeer(binary, version.strip());
  }

  String version() {
    return version;
  }

  Result poll(Path port, int baud, Duration warmup, Duration measure, List<String> devices)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add(port.toString());
    command.add(Integer.toString(baud));
    command.add(Long.toString(warmup.toMillis()));
    command.add(Long.toString(measure.toMillis()));
    command.addAll(devices);
    String output =
        run(
            binary.getParent(),
            warmup.plus(measure).plusSeconds(30),
            command.toArray(String[]::new));
    Matcher m = RESULT.matcher(output);
    if (!m.find()) {
      throw new IOException("unexpected output of the libmodbus master: " + output.strip());
    }
    return new Result(
        Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)));
  }

  /** Runs a command to its end; returns its output, or throws with it if it failed. */
  private static String run(Path dir, Duration deadline, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "output", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IOException(String.join(" ", command) + ": did not end within " + deadline);
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command) + ": exit " + process.exitValue() + ": " + text.strip());
      }
      return text;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
