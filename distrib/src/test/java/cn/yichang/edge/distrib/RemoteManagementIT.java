package cn.yichang.edge.distrib;

import static cn.yichang.edge.distrib.FleetConsole.body;
import static cn.yichang.edge.distrib.FleetConsole.code;
import static cn.yichang.edge.distrib.FleetConsole.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution managed from a test "fleet console" over a real Mosquitto with client
 * certificates, in Kura's request/response protocol: CONF-V1 reads the configurations, changes a
 * device's poll interval (the gateway's reading log shows the new rate), refuses an invalid change
 * and an XML external entity, rolls back; malformed requests get the right reply or none, and the
 * gateway keeps polling throughout.
 */
class RemoteManagementIT {
  static final String SOIL = "cn.yichang.edge.modbus.device~soil-01";

  @TempDir Path dir;

  @Test
  void aFleetConsoleReadsChangesAndRollsBackAndMalformedRequestsHarmNothing() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir);
        GatewayProcess gateway =
            GatewayProcess.start(
                Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString()),
                "run",
                "--config",
                withCommands(rig.siteFile("1s", "")).toString());
        FleetConsole console =
            new FleetConsole(rig.broker, rig.pki, PlatformRig.ACCOUNT, PlatformRig.GATEWAY)) {

      // BIRTH (or the APPS that follows it) lists CONF-V1
      await().atMost(Duration.ofSeconds(60)).until(() -> announcedApps(rig).contains("CONF-V1"));

      KuraPayload all = console.call("CONF-V1", "GET", "configurations", null);
      assertThat(code(all)).isEqualTo(200);
      assertThat(body(all))
          .contains("<esf:configuration pid=\"" + SOIL + "\">")
          .contains("<ocd:OCD")
          .contains("<esf:configuration pid=\"cn.yichang.edge.bus~rs485-1\">")
          .contains("<esf:configuration pid=\"cn.yichang.edge.uplink\">");
      assertThat(body(console.call("CONF-V1", "GET", "configurations/" + SOIL, null)))
          .contains("name=\"poll.ms\" type=\"Long\">\n                <esf:value>1000</esf:value>");
      assertThat(medianIntervalMs(gateway, 4)).isBetween(800L, 1500L);

      // a faster poll: applied live, the reading log shows it, a new BIRTH announces it
      long births = births(rig);
      KuraPayload put =
          console.call(
              "CONF-V1", "PUT", "configurations/" + SOIL, xml(SOIL, "poll.ms", "Long", "250"));
      assertThat(code(put)).as(message(put)).isEqualTo(200);
      int mark = readings(gateway).size();
      await().atMost(Duration.ofSeconds(30)).until(() -> readings(gateway).size() >= mark + 10);
      assertThat(medianIntervalMs(gateway, 6)).isLessThan(600L);
      await().atMost(Duration.ofSeconds(20)).until(() -> births(rig) > births);

      // refused changes change nothing
      KuraPayload invalid =
          console.call(
              "CONF-V1", "PUT", "configurations/" + SOIL, xml(SOIL, "unit", "Integer", "0"));
      assertThat(code(invalid)).isEqualTo(400);
      assertThat(message(invalid)).contains("unit");
      Path secret = dir.resolve("secret.txt");
      Files.writeString(secret, "TOP-SECRET");
      String xxe =
          "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
              + secret.toUri()
              + "\">]>"
              + new String(xml(SOIL, "profile", "String", "&x;"), StandardCharsets.UTF_8)
                  .replaceFirst("<\\?xml[^>]*>", "");
      KuraPayload refused =
          console.call("CONF-V1", "PUT", "configurations", xxe.getBytes(StandardCharsets.UTF_8));
      assertThat(code(refused)).isEqualTo(400);
      assertThat(message(refused)).contains("DOCTYPE").doesNotContain("TOP-SECRET");

      // the snapshot taken before the change brings the 1 s poll back
      assertThat(body(console.call("CONF-V1", "GET", "snapshots", null)))
          .contains("<esf:snapshotIds>");
      assertThat(code(console.call("CONF-V1", "EXEC", "rollback", null))).isEqualTo(200);
      assertThat(body(console.call("CONF-V1", "GET", "configurations/" + SOIL, null)))
          .contains("<esf:value>1000</esf:value>");
      int afterRollback = readings(gateway).size();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> readings(gateway).size() >= afterRollback + 5);
      assertThat(medianIntervalMs(gateway, 3)).isGreaterThan(800L);

      commandsRunOnlyFromTheAllowList(console);
      aBundleIsStoppedAndStartedAgain(console);
      aDeploymentPackageIsDownloadedInstalledStoppedStartedAndUninstalled(rig, console);
      malformedRequestsGetTheRightReplyOrNone(console);

      // still answering, still polling
      assertThat(code(console.call("CONF-V1", "GET", "configurations", null))).isEqualTo(200);
      int now = readings(gateway).size();
      await().atMost(Duration.ofSeconds(20)).until(() -> readings(gateway).size() >= now + 3);
      assertThat(gateway.lines()).noneMatch(l -> l.contains("OutOfMemoryError"));
    }
  }

  @Test
  void remoteChangesAndInstalledPackagesOutliveARestart() throws Exception {
    Map<String, String> env = Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString());
    try (PlatformRig rig = new PlatformRig(dir);
        FleetConsole console =
            new FleetConsole(rig.broker, rig.pki, PlatformRig.ACCOUNT, PlatformRig.GATEWAY);
        cn.yichang.edge.sim.broker.HttpsFileServer https =
            cn.yichang.edge.sim.broker.HttpsFileServer.start(rig.pki)) {
      Path site = rig.siteFile("1s", "");
      try (GatewayProcess first = GatewayProcess.start(env, "run", "--config", site.toString())) {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> code(console.call("CONF-V1", "GET", "configurations", null)) == 200);
        assertThat(
                code(
                    console.call(
                        "CONF-V1",
                        "PUT",
                        "configurations/" + SOIL,
                        xml(SOIL, "poll.ms", "Long", "400"))))
            .isEqualTo(200);
        java.net.URI uri =
            https.put(
                "/extra.dp",
                DeploymentPackageFiles.withOneBundle(
                    "com.example.extra", "1.0.0", "com.example.extra"));
        console.publish(
            console.topic("DEPLOY-V2", "EXEC", "download"),
            FleetConsole.request(
                "dl",
                List.of(
                    new KuraMetric("dp.uri", uri.toString()),
                    new KuraMetric("dp.name", "com.example.extra"),
                    new KuraMetric("dp.version", "1.0.0")),
                null));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    console.notifications().stream()
                        .anyMatch(n -> n.startsWith("install") && n.contains("COMPLETED")));
        // our own bundles as a firmware package: the same versions, so nothing restarts
        byte[] firmware =
            java.nio.file.Files.readAllBytes(
                GatewayProcess.HOME.resolveSibling("sanxia-edge-firmware.dp"));
        console.publish(
            console.topic("DEPLOY-V2", "EXEC", "download"),
            FleetConsole.request(
                "firmware",
                List.of(
                    new KuraMetric("dp.uri", https.put("/firmware.dp", firmware).toString()),
                    new KuraMetric("dp.name", "cn.yichang.edge.firmware"),
                    new KuraMetric("dp.version", "1")),
                null));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    console.notifications().stream()
                            .filter(n -> n.startsWith("install") && n.contains("COMPLETED"))
                            .count()
                        == 2);
        assertThat(body(console.call("DEPLOY-V2", "GET", "packages", null)))
            .contains("<name>cn.yichang.edge.firmware</name>")
            .contains("<name>cn.yichang.edge.modbus</name>");
        int polled = readings(first).size();
        await().atMost(Duration.ofSeconds(20)).until(() -> readings(first).size() >= polled + 3);
        assertThat(first.terminate()).isZero();
      }

      try (GatewayProcess second = GatewayProcess.start(env, "run", "--config", site.toString())) {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> code(console.call("DEPLOY-V2", "GET", "bundles", null)) == 200);
        assertThat(body(console.call("CONF-V1", "GET", "configurations/" + SOIL, null)))
            .contains("<esf:value>400</esf:value>");
        assertThat(body(console.call("DEPLOY-V2", "GET", "packages", null)))
            .contains("<name>com.example.extra</name>");
        assertThat(body(console.call("DEPLOY-V2", "GET", "bundles", null)))
            .containsPattern(
                "<name>com.example.extra</name>\\s*<version>1.0.0</version>\\s*<id>\\d+</id>\\s*<state>ACTIVE</state>");
        assertThat(second.output()).contains("with the remote changes in");
        assertThat(medianIntervalMs(second, 5)).isLessThan(700L);
      }
    }
  }

  private static Path withCommands(Path site) throws java.io.IOException {
    Files.writeString(
        site, Files.readString(site) + "remote: {commands: [/bin/echo], command-timeout: 10s}\n");
    return site;
  }

  private static void commandsRunOnlyFromTheAllowList(FleetConsole console) throws Exception {
    String id = "echo";
    console.publish(
        console.topic("CMD-V1", "EXEC", "command"),
        FleetConsole.request(
            id,
            List.of(
                new KuraMetric("command.command", "/bin/echo"),
                new KuraMetric("command.argument0", "hello; rm -rf /"),
                new KuraMetric("command.timeout", 5)),
            null));
    KuraPayload echo = console.awaitReply(id, Duration.ofSeconds(20));
    assertThat(code(echo)).as(message(echo)).isEqualTo(200);
    assertThat(echo.metric("command.stdout")).contains("hello; rm -rf /\n");
    assertThat(echo.metric("command.exit.code")).contains(0);
    assertThat(echo.metric("command.timedout")).contains(false);

    console.publish(
        console.topic("CMD-V1", "EXEC", "command"),
        FleetConsole.request(
            "cat", List.of(new KuraMetric("command.command", "/bin/cat /etc/passwd")), null));
    KuraPayload refused = console.awaitReply("cat", Duration.ofSeconds(20));
    assertThat(code(refused)).isEqualTo(400);
    assertThat(message(refused)).contains("not allowed");
    assertThat(refused.metric("command.stdout")).isEmpty();
  }

  private static void aBundleIsStoppedAndStartedAgain(FleetConsole console) throws Exception {
    String gogo = "org.apache.felix.gogo.command";
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<name>" + gogo + "</name>\\s*<version>[^<]*</version>\\s*<id>(\\d+)</id>")
            .matcher(body(console.call("DEPLOY-V2", "GET", "bundles", null)));
    assertThat(m.find()).isTrue();
    String id = m.group(1);

    assertThat(code(console.call("DEPLOY-V2", "EXEC", "stop/" + id, null))).isEqualTo(200);
    assertThat(state(console, id)).isEqualTo("RESOLVED");
    assertThat(code(console.call("DEPLOY-V2", "EXEC", "start/" + id, null))).isEqualTo(200);
    assertThat(state(console, id)).isEqualTo("ACTIVE");
    assertThat(code(console.call("DEPLOY-V2", "EXEC", "stop/0", null))).isEqualTo(400);

    String inventory = body(console.call("INVENTORY-V1", "GET", "inventory", null));
    assertThat(inventory)
        .contains("\"name\": \"cn.yichang.edge.remote\"")
        .contains("\"type\": \"BUNDLE\"");
  }

  private static void aDeploymentPackageIsDownloadedInstalledStoppedStartedAndUninstalled(
      PlatformRig rig, FleetConsole console) throws Exception {
    byte[] dp =
        DeploymentPackageFiles.withOneBundle("com.example.extra", "1.0.0", "com.example.extra");
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(dp));
    try (cn.yichang.edge.sim.broker.HttpsFileServer https =
        cn.yichang.edge.sim.broker.HttpsFileServer.start(rig.pki)) {
      java.net.URI uri = https.put("/packages/extra.dp", dp);
      console.publish(
          console.topic("DEPLOY-V2", "EXEC", "download"),
          FleetConsole.request(
              "download",
              List.of(
                  new KuraMetric("job.id", 42L),
                  new KuraMetric("dp.uri", uri.toString()),
                  new KuraMetric("dp.name", "com.example.extra"),
                  new KuraMetric("dp.version", "1.0.0"),
                  new KuraMetric("dp.download.hash", "SHA-256:" + sha),
                  new KuraMetric("dp.install", true)),
              null));
      assertThat(code(console.awaitReply("download", Duration.ofSeconds(20)))).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  console.notifications().stream()
                      .anyMatch(n -> n.startsWith("install") && n.contains("COMPLETED")));
    }
    assertThat(console.notifications())
        .anyMatch(
            n -> n.startsWith("download job.id=42") && n.contains("dp.download.status=COMPLETED"));
    String packages = body(console.call("DEPLOY-V2", "GET", "packages", null));
    assertThat(packages).contains("<name>com.example.extra</name>");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<name>com.example.extra</name>\\s*<version>1.0.0</version>\\s*<id>(\\d+)</id>")
            .matcher(body(console.call("DEPLOY-V2", "GET", "bundles", null)));
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    assertThat(state(console, id)).isEqualTo("ACTIVE");
    assertThat(code(console.call("DEPLOY-V2", "EXEC", "stop/" + id, null))).isEqualTo(200);
    assertThat(state(console, id)).isEqualTo("RESOLVED");
    assertThat(code(console.call("DEPLOY-V2", "EXEC", "start/" + id, null))).isEqualTo(200);
    assertThat(state(console, id)).isEqualTo("ACTIVE");

    console.publish(
        console.topic("DEPLOY-V2", "EXEC", "uninstall"),
        FleetConsole.request(
            "uninstall", List.of(new KuraMetric("dp.name", "com.example.extra")), null));
    assertThat(code(console.awaitReply("uninstall", Duration.ofSeconds(20)))).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                console.notifications().stream()
                    .anyMatch(n -> n.contains("dp.uninstall.status=COMPLETED")));
    assertThat(body(console.call("DEPLOY-V2", "GET", "bundles", null)))
        .doesNotContain("com.example.extra");
  }

  private static String state(FleetConsole console, String id) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<id>" + id + "</id>\\s*<state>([A-Z]+)</state>")
            .matcher(body(console.call("DEPLOY-V2", "GET", "bundles", null)));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static void malformedRequestsGetTheRightReplyOrNone(FleetConsole console)
      throws Exception {
    String conf = console.topic("CONF-V1", "GET", "configurations");

    byte[] whole = FleetConsole.request("truncated", List.of(), new byte[200]);
    console.publish(conf, Arrays.copyOf(whole, whole.length - 20));
    console.publish(conf, new byte[] {0x1f, (byte) 0x8b, 8, 0, 9, 9, 9, 9, 9, 9, 9});
    console.publish(
        conf,
        KuraPayloadCodec.encode(
            KuraPayload.of(Instant.now(), List.of(new KuraMetric("request.id", "no-requester")))));
    console.publish(
        console.topic("NOPE-V1", "GET", "x"), FleetConsole.request("unknown-app", List.of(), null));
    console.publish(
        console.topic("CONF-V1", "PUT", "configurations"),
        FleetConsole.request("ten-mb", List.of(), new byte[10 * 1024 * 1024]));
    console.publish(conf, FleetConsole.request("after", List.of(), null));

    assertThat(code(console.awaitReply("after", Duration.ofSeconds(30)))).isEqualTo(200);
    KuraPayload truncated = console.awaitReply("truncated", Duration.ofSeconds(5));
    assertThat(code(truncated)).isEqualTo(400);
    assertThat(message(truncated)).startsWith("malformed payload");
    assertThat(code(console.awaitReply("unknown-app", Duration.ofSeconds(5)))).isEqualTo(404);
    KuraPayload big = console.awaitReply("ten-mb", Duration.ofSeconds(5));
    assertThat(code(big)).isEqualTo(400);
    assertThat(message(big)).contains("larger than");
    // requests are taken in order: "after" was answered, so these were dropped, not late
    assertThat(console.hasReply("no-requester")).isFalse();
  }

  private static List<String> readings(GatewayProcess gateway) {
    return gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01"));
  }

  /** The median gap between the acquisition times of the last {@code count + 1} readings. */
  private static long medianIntervalMs(GatewayProcess gateway, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> readings(gateway).size() >= count + 1);
    List<String> lines = readings(gateway);
    List<Instant> times =
        lines.subList(lines.size() - count - 1, lines.size()).stream()
            .map(ReadingLine::acquiredAt)
            .toList();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }

  private static long births(PlatformRig rig) {
    return rig.lifecycle.messages().stream().filter(m -> m.topic().endsWith("/MQTT/BIRTH")).count();
  }

  private static String announcedApps(PlatformRig rig) {
    StringBuilder ids = new StringBuilder();
    for (ReceivedMessage m : rig.lifecycle.messages()) {
      if (m.topic().endsWith("/MQTT/BIRTH") || m.topic().endsWith("/MQTT/APPS")) {
        PlatformRig.decode(m).metric("application_ids").ifPresent(v -> ids.append(v).append(';'));
      }
    }
    return ids.toString();
  }

  static byte[] xml(String pid, String name, String type, String value) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<esf:configurations xmlns:esf=\"http://eurotech.com/esf/2.0\""
            + " xmlns:ocd=\"http://www.osgi.org/xmlns/metatype/v1.2.0\">"
            + "<esf:configuration pid=\""
            + pid
            + "\"><esf:properties><esf:property array=\"false\" encrypted=\"false\" name=\""
            + name
            + "\" type=\""
            + type
            + "\"><esf:value>"
            + value
            + "</esf:value></esf:property></esf:properties></esf:configuration>"
            + "</esf:configurations>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
