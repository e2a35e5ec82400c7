package cn.yichang.edge.remote.internal.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.remote.command.CommandConfig;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationException;

class CommandAppTest {

  static CommandConfig config(long timeoutMs, int outputBytes, String... allow) {
    return new CommandConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return CommandConfig.class;
      }

      @Override
      public String[] allow() {
        return allow;
      }

      @Override
      public long timeout_ms() {
        return timeoutMs;
      }

      @Override
      public int output_bytes() {
        return outputBytes;
      }
    };
  }

  final CommandApp app =
      started(
          config(
              20_000,
              1024,
              "/bin/echo",
              "/bin/sleep",
              "/usr/bin/head",
              "/bin/cat",
              "/usr/bin/env"));

  static CommandApp started(CommandConfig config) {
    try {
      return new CommandApp(config);
    } catch (ConfigurationException e) {
      throw new AssertionError(e);
    }
  }

  /** Set.of refused the duplicate with a bare IllegalArgumentException; validate never saw it. */
  @Test
  void aProgramListedTwiceIsRefusedNamingAllow() {
    assertThatThrownBy(() -> new CommandApp(config(20_000, 1024, "/bin/echo", "/bin/echo")))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.getProperty()).isEqualTo("allow"))
        .hasMessageContaining("\"/bin/echo\" is listed twice");
  }

  static Request exec(String resource, KuraMetric... metrics) {
    List<KuraMetric> all = new ArrayList<>(List.of(metrics));
    return new Request(
        "CMD-V1",
        "EXEC",
        List.of(resource),
        "1",
        "console",
        new KuraPayload(null, null, all, null));
  }

  static Object metric(Response r, String name) {
    return r.metrics().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }

  @Test
  void runsAnAllowedProgramWithItsArgumentsAndReportsAsKuraDoes() throws Exception {
    Response r =
        app.handle(
            exec(
                "command",
                new KuraMetric("command.command", "/bin/echo hello"),
                new KuraMetric("command.argument0", "big world")));

    assertThat(r.code()).isEqualTo(200);
    assertThat(metric(r, "command.stdout")).isEqualTo("hello big world\n");
    assertThat(metric(r, "command.stderr")).isEqualTo("");
    assertThat(metric(r, "command.exit.code")).isEqualTo(0);
    assertThat(metric(r, "command.timedout")).isEqualTo(false);
  }

  @Test
  void aProgramNotOnTheListIsRefusedAndNothingRuns() throws Exception {
    Response r = app.handle(exec("command", new KuraMetric("command.command", "rm -rf /tmp/x")));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.exceptionMessage()).contains("rm").contains("not allowed");
    assertThat(app.handle(exec("command", new KuraMetric("command.command", "echo x"))).code())
        .as("the name must be exactly as allowed")
        .isEqualTo(400);
    assertThat(app.handle(exec("command")).code()).isEqualTo(400);
    assertThat(app.handle(exec("other", new KuraMetric("command.command", "/bin/echo"))).code())
        .isEqualTo(404);
  }

  @Test
  void thereIsNoShell() throws Exception {
    Response r =
        app.handle(exec("command", new KuraMetric("command.command", "/bin/echo $HOME;/bin/cat")));
    assertThat(metric(r, "command.stdout")).isEqualTo("$HOME;/bin/cat\n");
  }

  @Test
  void stdinEnvironmentAndWorkingDirectoryAreGiven() throws Exception {
    Response cat =
        app.handle(
            exec(
                "command",
                new KuraMetric("command.command", "/bin/cat"),
                new KuraMetric("command.stdin", "from the cloud")));
    assertThat(metric(cat, "command.stdout")).isEqualTo("from the cloud");
    Response env =
        app.handle(
            exec(
                "command",
                new KuraMetric("command.command", "/usr/bin/env"),
                new KuraMetric("command.environment.pair0", "SANXIA_TEST=yes")));
    assertThat((String) metric(env, "command.stdout")).contains("SANXIA_TEST=yes");
    Response badDir =
        app.handle(
            exec(
                "command",
                new KuraMetric("command.command", "/bin/echo"),
                new KuraMetric("command.working.directory", "/no/such/dir")));
    assertThat(badDir.code()).isEqualTo(400);
  }

  @Test
  void theTimeoutKillsTheProgram() throws Exception {
    long started = System.nanoTime();
    Response r =
        app.handle(
            exec(
                "command",
                new KuraMetric("command.command", "/bin/sleep 30"),
                new KuraMetric("command.timeout", 1)));

    assertThat(metric(r, "command.timedout")).isEqualTo(true);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void outputIsCapped() throws Exception {
    Response r =
        app.handle(
            exec("command", new KuraMetric("command.command", "/usr/bin/head -c 5000 /dev/zero")));
    String out = (String) metric(r, "command.stdout");
    assertThat(out).startsWith("\0".repeat(1024)).endsWith("[3976 more bytes not kept]");
    assertThat(metric(r, "command.exit.code")).isEqualTo(0);
  }

  @Test
  void anInterruptedRequestLeavesNoProcessBehind() throws Exception {
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                CommandRunner.run(
                    List.of("/bin/sleep", "30"),
                    java.util.Map.of(),
                    Path.of("/tmp"),
                    null,
                    Duration.ofSeconds(60),
                    1024);
              } catch (Throwable e) {
                outcome.set(e);
              }
            });
    t.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive));
    t.interrupt();
    t.join(10_000);

    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
