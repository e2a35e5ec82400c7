package cn.yichang.edge.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import cn.yichang.edge.site.SiteValidation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property of validate (issue 13): on random but plausible sites, with edge values (0s, negative,
 * huge), validate either accepts, and then every configuration the site becomes passes its
 * component's activation check, or refuses with {@code FILE:LINE: field: reason} naming a key, and
 * never fails otherwise.
 */
class ValidateImpliesStartTest {

  private static final Pattern REFUSAL =
      Pattern.compile(
          ".*site\\.yaml:\\d+: (gateway|uplink|store|buses\\[\\d+\\]|devices\\[\\d+\\])[a-z.\\-\\[\\]0-9]*: .+");

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

  @TempDir static Path dir;
  private static PkiFiles pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.generate(dir.resolve("pki"), "gw-1");
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
      int exit =
          SiteValidation.run(
              new String[] {
                "--config", site.toString(), "--state", dir.resolve("state").toString()
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              (pid, properties) -> {
                seen.add(pid);
                checks.check(pid, properties);
              });
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      String context = Files.readString(site) + "\n-> " + lines;
      if (exit == 0) {
        accepted++;
        // validate saw and passed every configuration, the uplink's among them
        assertThat(seen).as(context).contains(UPLINK_PID);
      } else {
        assertThat(exit).as(context).isEqualTo(2);
        assertThat(lines).as(context).isNotEmpty().allMatch(l -> REFUSAL.matcher(l).matches());
      }
    }
    assertThat(accepted).as("some random sites are valid").isBetween(15, 285);
  }

  private static final String UPLINK_PID = "cn.yichang.edge.uplink";

  private static String randomSite(Random r) {
    StringBuilder s = new StringBuilder("gateway: {id: gw-1, account: yichang}\n");
    s.append("uplink:\n");
    s.append("  url: ")
        .append(
            pick(
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
            .append(r.nextInt(4) == 0 ? pick(r, DURATIONS) : pick(r, "1s", "30s", "5m"))
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
      s.append("store:\n  max-mb: ")
          .append(r.nextInt(4) == 0 ? pick(r, INTEGERS) : pick(r, "1", "20", "1000"))
          .append('\n');
      s.append("  commit-interval: ")
          .append(r.nextInt(4) == 0 ? pick(r, DURATIONS) : pick(r, "1s", "30s", "5m"))
          .append('\n');
      s.append("  commit-max-messages: ")
          .append(r.nextInt(4) == 0 ? pick(r, INTEGERS) : pick(r, "1", "20", "1000"))
          .append('\n');
    }
    return s.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
