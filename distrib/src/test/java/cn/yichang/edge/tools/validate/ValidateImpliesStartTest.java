package cn.yichang.edge.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.yichang.edge.gpio.config.GpioConfig;
import cn.yichang.edge.gpio.config.GpioConfigCheck;
import cn.yichang.edge.remote.command.CommandConfig;
import cn.yichang.edge.remote.command.CommandConfigCheck;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.site.ConfigurationCheck;
import cn.yichang.edge.site.SiteValidation;
import cn.yichang.edge.store.config.StoreConfig;
import cn.yichang.edge.store.config.StoreConfigCheck;
import cn.yichang.edge.uplink.config.UplinkConfig;
import cn.yichang.edge.uplink.config.UplinkConfigCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property of validate (issue 13): on random but plausible sites, with edge values (0s, negative,
 * huge; a store path under a file, a broken event script, a command listed twice, bus and device
 * values at and past their bounds), validate either accepts, and then every configuration the site
 * becomes passes its component's activation check, or refuses with {@code FILE:LINE: field: reason}
 * naming a key, and never fails otherwise.
 */
class ValidateImpliesStartTest {

  private static final Pattern REFUSAL =
      Pattern.compile(
          // events[i]: the problems of a broken event script, under the refusal of gpio.script
          ".*\\.yaml:\\d+:"
              + " (events\\[\\d+\\]|gateway|uplink|store|remote|gpio|buses\\[\\d+\\]|devices\\[\\d+\\])[a-z.\\-\\[\\]0-9]*: .+");

  private static final String[] DURATIONS = {
    "0s",
    "1ms",
    "-1s",
    "500ms",
    "1s",
    "30s",
    "5m",
    "1h",
    "24h",
    "100000000h",
    "9223372036854775807ms"
  };
  private static final String[] INTEGERS = {
    "0", "-1", "1", "20", "1000", "65535", "65536", "2147483648"
  };
  private static final String UPLINK_PID = "cn.yichang.edge.uplink";
  private static final String STORE_PID = "cn.yichang.edge.store";
  private static final String GPIO_PID = "cn.yichang.edge.gpio";
  private static final String COMMAND_PID = "cn.yichang.edge.remote.command";

  /** The distribution's profiles (distrib's working directory is its module). */
  private static final Path PROFILES =
      Path.of("..", "device-profiles").toAbsolutePath().normalize();

  private static final String[] KEEPALIVES = {"65535s", "65536s", "4294967297s", "1092m"};

  /**
   * The activation checks of the components, called here directly rather than through {@link
   * ComponentChecks}: a component validate forgets to check shows as an accepted site they refuse.
   */
  private static final Map<String, ConfigurationCheck> ACTIVATION =
      Map.of(
          UPLINK_PID,
          (pid, p) ->
              UplinkConfigCheck.check(
                  TypedConfiguration.of(UplinkConfig.class, p), Clock.systemUTC()),
          STORE_PID,
          (pid, p) -> StoreConfigCheck.check(TypedConfiguration.of(StoreConfig.class, p)),
          GPIO_PID,
          (pid, p) -> GpioConfigCheck.check(TypedConfiguration.of(GpioConfig.class, p)),
          COMMAND_PID,
          (pid, p) -> CommandConfigCheck.check(TypedConfiguration.of(CommandConfig.class, p)));

  @TempDir static Path dir;
  private static PkiFiles pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.generate(dir.resolve("pki"), "gw-1");
    Files.writeString(dir.resolve("a-file"), "not a directory");
    Files.writeString(
        dir.resolve("good-script.yaml"), "events:\n  - {at: 1s, pin: 17, set: low, for: 1s}\n");
    Files.writeString(dir.resolve("bad-script.yaml"), "events:\n  - {at: soon, pin: 17}\n");
  }

  @Test
  void anAcceptedSiteStartsEveryComponentAndARefusedOneNamesAKey() throws Exception {
    Random random = new Random(13);
    ComponentChecks checks = new ComponentChecks(Clock.systemUTC());
    int accepted = 0;
    for (int i = 0; i < 300; i++) {
      Path site = dir.resolve("site-" + i).resolve("site.yaml");
      Files.createDirectories(site.getParent());
      Files.writeString(site, randomSite(random));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      List<String> seen = new ArrayList<>();
      List<Map.Entry<String, Map<String, Object>>> configurations = new ArrayList<>();
      int exit =
          SiteValidation.run(
              new String[] {
                "--config",
                site.toString(),
                "--state",
                dir.resolve("state").toString(),
                "--profiles",
                PROFILES.toString()
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              (pid, properties) -> {
                seen.add(pid);
                configurations.add(Map.entry(pid, properties));
                checks.check(pid, properties);
              });
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      String context = Files.readString(site) + "\n-> " + lines;
      if (exit == 0) {
        accepted++;
        // validate saw and passed every configuration, the uplink's among them
        assertThat(seen).as(context).contains(UPLINK_PID, STORE_PID);
        for (var c : configurations) {
          ConfigurationCheck activation = ACTIVATION.get(c.getKey());
          if (activation != null) {
            assertThatCode(() -> activation.check(c.getKey(), c.getValue()))
                .as(context)
                .doesNotThrowAnyException();
          }
        }
      } else {
        assertThat(exit).as(context).isEqualTo(2);
        assertThat(lines).as(context).isNotEmpty().allMatch(l -> REFUSAL.matcher(l).matches());
      }
    }
    assertThat(accepted).as("some random sites are valid").isBetween(15, 285);
  }

  private static String randomSite(Random r) {
    StringBuilder s = new StringBuilder("gateway: {id: gw-1, account: yichang}\n");
    s.append("uplink:\n");
    s.append("  url: ")
        .append(
            edge(
                r,
                "ssl://localhost:8883",
                "ssl://localhost:8883/path",
                "tcp://localhost:1883",
                "ssl://localhost:0"))
        .append('\n');
    if (r.nextBoolean()) {
      s.append("  allow-plaintext: ").append(r.nextBoolean()).append('\n');
    }
    s.append("  protocol: ").append(pick(r, "mqtt5", "mqtt3")).append('\n');
    for (String key : new String[] {"keepalive", "reconnect-min", "reconnect-max"}) {
      if (r.nextInt(3) > 0) {
        s.append("  ")
            .append(key)
            .append(": ")
            .append(
                r.nextInt(4) == 0
                    ? pick(r, DURATIONS)
                    : key.equals("keepalive") && r.nextInt(4) == 0
                        ? pick(r, KEEPALIVES)
                        : pick(r, "1s", "30s", "5m"))
            .append('\n');
      }
    }
    if (r.nextBoolean()) {
      s.append("  in-flight: ")
          .append(r.nextInt(4) == 0 ? pick(r, INTEGERS) : pick(r, "1", "20", "1000"))
          .append('\n');
    }
    s.append("  tls:\n    ca: ").append(pki.caCert()).append('\n');
    var identity =
        pick(r, pki.gateway(), pki.ecGateway(), pki.expiredGateway(), pki.foreignGateway());
    s.append("    cert: ")
        .append(identity.cert())
        .append("\n    key: ")
        .append(identity.key())
        .append('\n');
    if (r.nextBoolean()) {
      s.append("store:\n");
      if (r.nextBoolean()) {
        s.append("  path: ")
            .append(
                edge(
                    r,
                    dir.resolve("stores/" + r.nextInt(1000) + "/buffer.db"),
                    dir.resolve("a-file/buffer.db"),
                    dir.resolve("a-file/deeper/buffer.db"),
                    dir))
            .append('\n');
      }
      s.append("  max-mb: ")
          .append(r.nextInt(4) == 0 ? pick(r, INTEGERS) : pick(r, "1", "20", "1000"))
          .append('\n');
      s.append("  commit-interval: ")
          .append(r.nextInt(4) == 0 ? pick(r, DURATIONS) : pick(r, "250ms", "1s", "10s"))
          .append('\n');
      s.append("  commit-max-messages: ")
          .append(r.nextInt(4) == 0 ? pick(r, INTEGERS) : pick(r, "1", "20", "1000"))
          .append('\n');
    }
    if (r.nextBoolean()) {
      s.append("remote:\n  commands: [")
          .append(edge(r, "uptime, df", "uptime, uptime", "/bin/df, df, /bin/df"))
          .append("]\n");
    }
    if (r.nextBoolean()) {
      boolean mock = r.nextInt(3) > 0;
      s.append("gpio:\n  provider: ").append(mock ? "mock" : "auto").append('\n');
      if (mock && r.nextBoolean()) {
        s.append("  script: ")
            .append(edge(r, dir.resolve("good-script.yaml"), dir.resolve("bad-script.yaml")))
            .append('\n');
      }
    }
    if (r.nextBoolean()) {
      s.append("buses:\n  - {id: b1, type: serial, port: /dev/ttyUSB0");
      s.append(", baud: ").append(edge(r, "9600", "0", "299", "4000000", "4000001"));
      s.append(", data-bits: ").append(edge(r, "8", "7", "5", "9"));
      s.append(", stop-bits: ").append(edge(r, "1", "2", "0"));
      s.append(", parity: ").append(edge(r, "none", "even", "mark"));
      s.append(", response-timeout: ").append(edge(r, "500ms", "9ms", "10s", "11s", "0s"));
      s.append("}\ndevices:\n  - {id: soil-1, profile: agriculture/soil-3in1, bus: b1, unit: ")
          .append(edge(r, "1", "0", "247", "248"))
          .append(", poll: ")
          .append(edge(r, "10s", DURATIONS))
          .append("}\n");
    }
    return s.toString();
  }

  /** {@code usual} three times in four, else one of the edge values. */
  @SafeVarargs
  private static <T> T edge(Random r, T usual, T... edges) {
    return r.nextInt(4) > 0 ? usual : pick(r, edges);
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
