package cn.yichang.edge.remote.internal.cmd;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.remote.command.CommandConfig;
import cn.yichang.edge.remote.command.CommandConfigCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CMD-V1 {@code EXEC command} with Kura's metrics: {@code command.command} (the program, then
 * arguments separated by spaces), {@code command.argument<N>}, {@code command.environment.pair<N>}
 * ({@code NAME=value}), {@code command.working.directory}, {@code command.stdin}, {@code
 * command.timeout} (s), {@code command.run.async}; the reply carries {@code command.stdout}, {@code
 * command.stderr}, {@code command.exit.code}, {@code command.timedout}.
 *
 * <p>Exists only when the site file lists commands: only those programs run, without a shell, for
 * at most the configured time, with their output capped.
 */
@Component(
    configurationPid = CommandConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = RemoteApp.class)
@Designate(ocd = CommandConfig.class)
public final class CommandApp implements RemoteApp {
  static final String APP_ID = "CMD-V1";
  private static final Logger LOG = LoggerFactory.getLogger(CommandApp.class);
  private static final int MAX_NUMBERED = 256;

  private final Set<String> allowed;
  private final Duration timeout;
  private final int outputBytes;

  @Activate
  public CommandApp(CommandConfig config) throws ConfigurationException {
    this.allowed = CommandConfigCheck.allowed(config);
    this.timeout = Duration.ofMillis(config.timeout_ms());
    this.outputBytes = config.output_bytes();
    LOG.info(
        "CMD-V1 on: {} may run, {} s at most, {} bytes of output kept",
        allowed,
        timeout.toSeconds(),
        outputBytes);
  }

  @Override
  public String appId() {
    return APP_ID;
  }

  @Override
  public Response handle(Request r) throws Exception {
    if (!r.method().equals("EXEC") || !r.resourcePath().equals("command")) {
      return Response.notFound("no resource " + r.method() + " " + r.resourcePath() + " in CMD-V1");
    }
    String command = r.metric("command.command", String.class).orElse("").trim();
    if (command.isEmpty()) {
      return Response.badRequest("command.command is missing");
    }
    List<String> argv = new ArrayList<>(List.of(command.split("\\s+")));
    if (!allowed.contains(argv.get(0))) {
      LOG.warn("CMD-V1: {} refused: not on the allow-list", argv.get(0));
      return Response.badRequest("command " + argv.get(0) + " is not allowed on this gateway");
    }
    if (r.body().length > 0) {
      return Response.badRequest("a body (Kura's zip to unpack) is not supported");
    }
    for (int i = 0; i < MAX_NUMBERED; i++) {
      r.metric("command.argument" + i, String.class).ifPresent(argv::add);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = 0; i < MAX_NUMBERED; i++) {
      String pair = r.metric("command.environment.pair" + i, String.class).orElse(null);
      if (pair != null) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          return Response.badRequest("command.environment.pair" + i + ": expected NAME=value");
        }
        environment.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    Path directory =
        Path.of(
            r.metric("command.working.directory", String.class)
                .filter(d -> !d.isBlank())
                .orElse(System.getProperty("java.io.tmpdir")));
    if (!Files.isDirectory(directory)) {
      return Response.badRequest("command.working.directory " + directory + " is not a directory");
    }
    byte[] stdin =
        r.metric("command.stdin", String.class)
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElse(null);
    Duration limit = timeout;
    Integer requested = r.metric("command.timeout", Integer.class).orElse(null);
    if (requested != null && requested > 0 && Duration.ofSeconds(requested).compareTo(limit) < 0) {
      limit = Duration.ofSeconds(requested);
    }
    LOG.info(
        "CMD-V1: running {} for {} ({} s at most)", argv, r.requesterClientId(), limit.toSeconds());
    if (r.metric("command.run.async", Boolean.class).orElse(false)) {
      startAsync(argv, environment, directory, stdin, limit);
      return Response.ok();
    }
    CommandRunner.Result result =
        CommandRunner.run(argv, environment, directory, stdin, limit, outputBytes);
    return Response.ok(
        List.of(
            new KuraMetric("command.stdout", result.stdout()),
            new KuraMetric("command.stderr", result.stderr()),
            new KuraMetric("command.exit.code", result.exitCode()),
            new KuraMetric("command.timedout", result.timedOut())));
  }

  private void startAsync(
      List<String> argv, Map<String, String> env, Path dir, byte[] stdin, Duration limit) {
    Thread t =
        new Thread(
            () -> {
              try {
                CommandRunner.Result result =
                    CommandRunner.run(argv, env, dir, stdin, limit, outputBytes);
                LOG.info("CMD-V1: {} ended with {}", argv, result.exitCode());
              } catch (Exception e) {
                LOG.warn("CMD-V1: {} failed: {}", argv, e.toString());
              }
            },
            "CMD-V1 async");
    t.setDaemon(true);
    t.start();
  }
}
