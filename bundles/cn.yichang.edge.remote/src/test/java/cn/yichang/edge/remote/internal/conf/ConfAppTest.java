package cn.yichang.edge.remote.internal.conf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.site.RemoteSite;
import cn.yichang.edge.site.SiteChangeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfAppTest {
  static final String SOIL = "cn.yichang.edge.modbus.device~soil-01";
  static final String UPLINK = "cn.yichang.edge.uplink";
  static final String REMOTE = "cn.yichang.edge.remote";

  /** The site's side: records changes, refuses a unit of 0 as the site reader would. */
  static final class FakeSite implements RemoteSite {
    final List<Map<String, Map<String, Object>>> changes = new ArrayList<>();
    final List<Long> snapshots = new ArrayList<>(List.of(100L, 200L));
    final List<Long> rollbacks = new ArrayList<>();

    @Override
    public Map<String, Map<String, Object>> configurations() {
      Map<String, Map<String, Object>> m = new LinkedHashMap<>();
      m.put(SOIL, Map.of("id", "soil-01", "poll.ms", 10_000L, "unit", 1));
      m.put(UPLINK, Map.of("url", "ssl://x:8883", "tls.password", "secret"));
      return m;
    }

    @Override
    public long change(Map<String, Map<String, Object>> byPid) throws SiteChangeException {
      if (Integer.valueOf(0).equals(byPid.getOrDefault(SOIL, Map.of()).get("unit"))) {
        throw SiteChangeException.invalid(
            "/state/remote/site.candidate.yaml:14: devices[0].unit: must be between 1 and 247");
      }
      changes.add(byPid);
      snapshots.add(300L);
      return 300L;
    }

    @Override
    public List<Long> snapshots() {
      return snapshots;
    }

    @Override
    public Map<String, Map<String, Object>> snapshot(long id) throws SiteChangeException {
      if (!snapshots.contains(id)) {
        throw SiteChangeException.notFound("no snapshot " + id);
      }
      return Map.of(SOIL, Map.of("poll.ms", 5000L));
    }

    @Override
    public long takeSnapshot() {
      snapshots.add(400L);
      return 400L;
    }

    @Override
    public void rollback(Long id) throws SiteChangeException {
      if (id != null && !snapshots.contains(id)) {
        throw SiteChangeException.notFound("no snapshot " + id);
      }
      rollbacks.add(id);
    }
  }

  static final class FakeConfigurations implements Configurations {
    final Map<String, Map<String, Object>> now = new LinkedHashMap<>();

    FakeConfigurations() {
      now.put(REMOTE, Map.of("workers", 2, "queue", 16));
      now.put(SOIL, Map.of("id", "soil-01", "poll.ms", 10_000L, "unit", 1));
      now.put(UPLINK, Map.of("url", "ssl://x:8883", "tls.password", "secret"));
    }

    @Override
    public List<EsfXml.Configuration> list(String pid) {
      List<EsfXml.Configuration> list = new ArrayList<>();
      now.forEach(
          (p, props) -> {
            if (pid == null || pid.equals(p)) {
              EsfXml.Ocd ocd =
                  p.equals(SOIL)
                      ? new EsfXml.Ocd(
                          "cn.yichang.edge.modbus.device",
                          "Modbus device",
                          "A device <on> a bus",
                          List.of(
                              new EsfXml.Ad(
                                  "poll.ms",
                                  "Poll",
                                  "interval",
                                  "Long",
                                  0,
                                  true,
                                  "10000",
                                  Map.of())))
                      : null;
              list.add(new EsfXml.Configuration(p, ocd, new java.util.TreeMap<>(props)));
            }
          });
      return list;
    }

    @Override
    public Set<String> passwords(List<EsfXml.Configuration> configurations) {
      return Set.of(UPLINK + "/tls.password");
    }
  }

  final FakeSite site = new FakeSite();
  final ConfApp app = new ConfApp(site, new FakeConfigurations());

  static Request request(String method, String resources, String body) {
    List<String> res = resources.isEmpty() ? List.of() : List.of(resources.split("/"));
    return new Request(
        "CONF-V1",
        method,
        res,
        "1",
        "console",
        new KuraPayload(
            null,
            null,
            List.of(new KuraMetric("request.id", "1")),
            body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
  }

  static String body(Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void getConfigurationsGivesKurasXmlWithTheDescriptionAndMaskedPasswords() throws Exception {
    Response r = app.handle(request("GET", "configurations", null));

    assertThat(r.code()).isEqualTo(200);
    String xml = body(r);
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><esf:configurations")
        .contains("xmlns:esf=\"http://eurotech.com/esf/2.0\"")
        .contains("xmlns:ocd=\"http://www.osgi.org/xmlns/metatype/v1.2.0\"")
        .contains("<esf:configuration pid=\"" + SOIL + "\">")
        .contains("description=\"A device &lt;on&gt; a bus\"")
        .contains("<ocd:AD cardinality=\"0\" default=\"10000\"")
        .contains(
            "<esf:property array=\"false\" encrypted=\"false\" name=\"poll.ms\" type=\"Long\">")
        .contains("<esf:value>10000</esf:value>")
        .contains("name=\"tls.password\" type=\"Password\">")
        .doesNotContain("secret");
    // what we write, we read back with the same values and types
    Map<String, Map<String, Object>> back = EsfXmlReader.read(r.body());
    assertThat(back.get(SOIL)).containsEntry("poll.ms", 10_000L).containsEntry("unit", 1);
    assertThat(back.get(REMOTE)).containsEntry("workers", 2);
  }

  @Test
  void getOneConfigurationAndAnUnknownOne() throws Exception {
    Response r = app.handle(request("GET", "configurations/" + SOIL, null));
    assertThat(body(r)).contains(SOIL).doesNotContain(UPLINK);
    Response missing = app.handle(request("GET", "configurations/nope", null));
    assertThat(missing.code()).isEqualTo(404);
    assertThat(app.handle(request("GET", "elsewhere", null)).code()).isEqualTo(404);
    assertThat(app.handle(request("DEL", "configurations", null)).code()).isEqualTo(400);
  }

  @Test
  void putHandsTheTypedChangeToTheSiteAndSendingBackTheRestUnchangedIsFine() throws Exception {
    String xml = body(app.handle(request("GET", "configurations", null)));
    String changed = xml.replace("<esf:value>10000</esf:value>", "<esf:value>2000</esf:value>");

    Response r = app.handle(request("PUT", "configurations", changed));

    assertThat(r.code()).isEqualTo(200);
    assertThat(site.changes).hasSize(1);
    assertThat(site.changes.get(0).get(SOIL)).containsEntry("poll.ms", 2000L);
    assertThat(site.changes.get(0).get(UPLINK)).containsEntry("tls.password", "********");
    assertThat(site.changes.get(0)).doesNotContainKey(REMOTE);
  }

  @Test
  void anInvalidPutIs400WithTheSitesReason() throws Exception {
    Response r =
        app.handle(
            request("PUT", "configurations/" + SOIL, configuration(SOIL, "unit", "Integer", "0")));

    assertThat(r.code()).isEqualTo(400);
    assertThat(r.exceptionMessage()).contains("devices[0].unit: must be between 1 and 247");
    assertThat(site.changes).isEmpty();
  }

  @Test
  void changingAConfigurationTheSiteDoesNotOwnIsRefused() throws Exception {
    Response r =
        app.handle(
            request("PUT", "configurations", configuration(REMOTE, "workers", "Integer", "9")));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.exceptionMessage()).contains(REMOTE).contains("cannot be changed remotely");

    Response same =
        app.handle(
            request("PUT", "configurations", configuration(REMOTE, "workers", "Integer", "2")));
    assertThat(same.code()).isEqualTo(200);
    assertThat(site.changes).isEmpty();
  }

  @Test
  void malformedAndMistypedXmlIs400() throws Exception {
    assertThat(app.handle(request("PUT", "configurations", "<esf:configurations")).code())
        .isEqualTo(400);
    Response wrongType =
        app.handle(request("PUT", "configurations", configuration(SOIL, "unit", "Integer", "one")));
    assertThat(wrongType.exceptionMessage()).contains(SOIL + ": unit:");
    Response wrongPid =
        app.handle(
            request(
                "PUT", "configurations/" + UPLINK, configuration(SOIL, "unit", "Integer", "2")));
    assertThat(wrongPid.code()).isEqualTo(400);
    assertThat(site.changes).isEmpty();
  }

  @Test
  void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + configuration(SOIL, "profile", "String", "&x;").replaceFirst("<\\?xml[^>]*>", "");

    Response r = app.handle(request("PUT", "configurations", xxe));

    assertThat(r.code()).isEqualTo(400);
    assertThat(r.exceptionMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    assertThat(site.changes).isEmpty();
  }

  @Test
  void snapshotsAndRollback() throws Exception {
    assertThat(body(app.handle(request("GET", "snapshots", null))))
        .contains("<esf:snapshot-ids")
        .contains("<esf:snapshotIds>100</esf:snapshotIds>")
        .contains("<esf:snapshotIds>200</esf:snapshotIds>");
    assertThat(body(app.handle(request("GET", "snapshots/100", null))))
        .contains("<esf:value>5000</esf:value>");
    assertThat(app.handle(request("GET", "snapshots/7", null)).code()).isEqualTo(404);
    assertThat(body(app.handle(request("EXEC", "snapshot", null))))
        .contains("<esf:snapshotIds>400</esf:snapshotIds>");

    assertThat(app.handle(request("EXEC", "rollback", null)).code()).isEqualTo(200);
    assertThat(app.handle(request("EXEC", "rollback/200", null)).code()).isEqualTo(200);
    assertThat(app.handle(request("EXEC", "rollback/9", null)).code()).isEqualTo(404);
    assertThat(app.handle(request("EXEC", "rollback/x", null)).code()).isEqualTo(400);
    assertThat(site.rollbacks).containsExactly(null, 200L);
  }

  @Test
  void kurasOwnConfigurationXmlIsRead() throws Exception {
    Path captures =
        Path.of(System.getProperty("kura.captures", "../../../shared/interop/kura-captures"));
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(captures));
    byte[] wire =
        Files.readAllBytes(
            captures.resolve(
                "KapuaPool-client-id_CONF-V1_REPLY_req-id_inital_configurations.mqtt"));
    String xml =
        new String(
            cn.yichang.edge.kura.KuraPayloadCodec.decode(wire).body(), StandardCharsets.UTF_8);
    // Kura encrypts passwords with its own key; we take the rest
    String withoutEncrypted =
        xml.replaceAll("(?s)<esf:property[^>]*encrypted=\"true\"[^>]*>.*?</esf:property>", "");

    Map<String, Map<String, Object>> read =
        EsfXmlReader.read(withoutEncrypted.getBytes(StandardCharsets.UTF_8));

    Map<String, Object> mqtt =
        read.get("org.eclipse.kura.core.data.transport.mqtt.MqttDataTransport");
    assertThat(mqtt)
        .containsEntry("broker-url", "mqtt://10.161.80.109:1883/")
        .containsEntry("keep-alive", 30)
        .containsEntry("clean-session", true)
        .doesNotContainKey("service.pid");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EsfXmlReader.read(xml.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("password: encrypted values are not supported");
  }

  static String configuration(String pid, String name, String type, String value) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
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
        + "</esf:configurations>";
  }
}
