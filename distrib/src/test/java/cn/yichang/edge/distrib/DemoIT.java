package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.sim.SocatPtyPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/sanxia-edge demo}, the README's first command, run headless from the built
 * distribution: readings of every demo device reach its platform side, it stops by itself with exit
 * code 0, and nothing it started (socat, simulators, the gateway's JVM) outlives it.
 */
class DemoIT {

  private static final Pattern DEVICE = Pattern.compile("^device (\\S+) (\\S+) on .*");
  private static final Pattern WORK_DIR = Pattern.compile("^work dir (\\S+)$");
  private static final Pattern GATEWAY_PID = Pattern.compile("^gateway pid (\\d+),.*");

  @BeforeAll
  static void needsSocat() {
    Assumptions.assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
  }

  @Test
  void showsReadingsOfEveryDeviceAndLeavesNothingBehind() throws Exception {
    // long enough for a loaded machine to start the gateway and see every device report
    Process demo = start("--seconds", "20", "--plain");
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread pump = pump(demo, lines);
    // what it started, seen while it runs
    List<ProcessHandle> children = childrenOnceReadingsArrive(demo, lines);

    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo ended within 60 s").isTrue();
    pump.join(5_000);
    String output = String.join("\n", lines);
    assertThat(demo.exitValue()).as(output).isZero();

    List<String> devices = captured(lines, DEVICE);
    assertThat(devices).as(output).contains("soil-01", "ph-01");
    for (String device : devices) {
      assertThat(lines)
          .as("a reading of " + device + " at the platform side")
          .anyMatch(l -> l.startsWith("reading " + device + " ") && l.contains(" age="));
    }
    assertThat(lines).anyMatch(l -> l.startsWith("counters ") && l.contains("birth=seen"));
    assertThat(lines).anyMatch(l -> l.contains("edge.seq-duplicates=0"));
    assertThat(lines).last().asString().contains("gateway exit code 0");
    assertNothingLeftBehind(lines, children);
  }

  /** SIGTERM, as Ctrl-C would (SIGINT takes the same path): everything stops, nothing is left. */
  @Test
  void sigtermStopsEverything() throws Exception {
    Process demo = start("--plain");
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread pump = pump(demo, lines);
    List<ProcessHandle> children = childrenOnceReadingsArrive(demo, lines);
    assertThat(demo.isAlive()).as(String.join("\n", lines)).isTrue();

    demo.toHandle().destroy();
    assertThat(demo.waitFor(20, TimeUnit.SECONDS)).as("demo stopped within 20 s").isTrue();
    pump.join(5_000);
    assertThat(lines).last().asString().contains("stopped: gateway exit code 0");
    assertNothingLeftBehind(lines, children);
  }

  private static Process start(String... options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(GatewayProcess.HOME.resolve("bin/sanxia-edge").toString());
    command.add("demo");
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static List<ProcessHandle> childrenOnceReadingsArrive(Process demo, List<String> lines) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lines.stream().anyMatch(l -> l.startsWith("reading ")) || !demo.isAlive());
    List<ProcessHandle> children = demo.descendants().toList();
    assertThat(children).as(String.join("\n", lines)).isNotEmpty();
    return children;
  }

  /** Not its children (socat, the gateway), nor any process naming its work directory. */
  private static void assertNothingLeftBehind(List<String> lines, List<ProcessHandle> children)
      throws IOException, InterruptedException {
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    long gatewayPid = Long.parseLong(captured(lines, GATEWAY_PID).get(0));
    assertThat(ProcessHandle.of(gatewayPid).filter(ProcessHandle::isAlive)).isEmpty();
    Path workDir = Path.of(captured(lines, WORK_DIR).get(0));
    assertThat(pgrep(workDir.toString())).isEmpty();
    assertThat(Files.exists(workDir)).isFalse();
  }

  private static List<String> captured(List<String> lines, Pattern pattern) {
    return lines.stream()
        .map(pattern::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .toList();
  }

  /** Command lines of running processes that contain {@code text} (pgrep -f). */
  private static List<String> pgrep(String text) throws IOException, InterruptedException {
    Process pgrep = new ProcessBuilder("pgrep", "-a", "-f", Pattern.quote(text)).start();
    String found = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    pgrep.waitFor(10, TimeUnit.SECONDS);
    return found.lines().toList();
  }

  private static Thread pump(Process process, List<String> lines) {
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                  System.out.println("[demo] " + line);
                }
              } catch (IOException e) {
                // the demo is gone; what was read is kept
              }
            },
            "demo-output");
    pump.setDaemon(true);
    pump.start();
    return pump;
  }
}
