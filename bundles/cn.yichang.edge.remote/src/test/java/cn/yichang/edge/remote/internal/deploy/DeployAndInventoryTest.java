package cn.yichang.edge.remote.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class DeployAndInventoryTest {
  final BundleContext context = mock(BundleContext.class);
  final Bundle framework = bundle(0, "org.apache.felix.framework", "7.0.5", Bundle.ACTIVE);
  final Bundle store = bundle(12, "cn.yichang.edge.store", "0.1.0.SNAPSHOT", Bundle.ACTIVE);
  final Bundle self = bundle(20, "cn.yichang.edge.remote", "0.1.0.SNAPSHOT", Bundle.ACTIVE);
  final Bundle extra = bundle(30, "com.example.extra", "1.2.3", Bundle.RESOLVED);
  final PackageRegistry packages =
      () ->
          List.of(
              new InstalledPackage(
                  "com.example.pack",
                  "1.0.0",
                  List.of(new InstalledPackage.PackageBundle("com.example.extra", "1.2.3", 30))));
  final DeployApp deploy = new DeployApp(context, packages, null);
  final InventoryApp inventory =
      new InventoryApp(
          context,
          packages,
          () -> List.of(new SystemPackages.SystemPackage("bash", "5.2.15-2", "DEB")));

  DeployAndInventoryTest() {
    Bundle[] all = {framework, store, self, extra};
    when(context.getBundles()).thenReturn(all);
    for (Bundle b : all) {
      when(context.getBundle(b.getBundleId())).thenReturn(b);
    }
    when(context.getBundle()).thenReturn(self);
  }

  static Bundle bundle(long id, String name, String version, int state) {
    Bundle b = mock(Bundle.class);
    when(b.getBundleId()).thenReturn(id);
    when(b.getSymbolicName()).thenReturn(name);
    when(b.getVersion()).thenReturn(Version.parseVersion(version));
    when(b.getState()).thenReturn(state);
    return b;
  }

  static Request request(String app, String method, String path, String body) {
    return new Request(
        app,
        method,
        List.of(path.split("/")),
        "1",
        "c",
        new KuraPayload(
            null, null, List.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void bundlesAndPackagesAsKurasXml() throws Exception {
    String bundles = text(deploy.handle(request("DEPLOY-V2", "GET", "bundles", null)));
    assertThat(bundles)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bundles>")
        .contains(
            "<bundle>\n        <name>cn.yichang.edge.store</name>\n"
                + "        <version>0.1.0.SNAPSHOT</version>\n        <id>12</id>\n"
                + "        <state>ACTIVE</state>\n    </bundle>")
        .contains("<state>RESOLVED</state>");
    String pkgs = text(deploy.handle(request("DEPLOY-V2", "GET", "packages", null)));
    assertThat(pkgs)
        .contains("<package>\n        <name>com.example.pack</name>")
        .contains("<bundle>\n                <name>com.example.extra</name>");
    assertThat(elementPaths(bundles)).isEqualTo(elementPaths(capture("bundles_inital_state")));
    assertThat(elementPaths(pkgs)).isEqualTo(elementPaths(capture("packages_updated_list")));
  }

  @Test
  void startAndStopByIdButNeverTheFrameworkOrRemoteManagementItself() throws Exception {
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "stop/30", null)).code()).isEqualTo(200);
    verify(extra).stop();
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "start/30", null)).code()).isEqualTo(200);
    verify(extra).start();
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "stop/0", null)).code()).isEqualTo(400);
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "stop/20", null)).code()).isEqualTo(400);
    verify(framework, never()).stop();
    verify(self, never()).stop();
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "stop/99", null)).code()).isEqualTo(404);
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "stop/x", null)).code()).isEqualTo(400);
    assertThat(deploy.handle(request("DEPLOY-V2", "GET", "nothing", null)).code()).isEqualTo(404);
  }

  @Test
  void downloadInstallAndUninstallGoToThePackageJobs() throws Exception {
    List<String> notes = new ArrayList<>();
    try (PackageJobs jobs =
        new PackageJobs(
            new DeploymentPackages(context, Path.of("target/no-packages")),
            () -> null,
            Path.of("target/no-downloads"),
            () -> (origin, type, metrics) -> notes.add(type))) {
      DeployApp app = new DeployApp(context, packages, jobs);
      Response http =
          app.handle(
              new Request(
                  "DEPLOY-V2",
                  "EXEC",
                  List.of("download"),
                  "1",
                  "c",
                  new KuraPayload(
                      null,
                      null,
                      List.of(
                          new cn.yichang.edge.kura.KuraMetric("dp.uri", "http://x/y.dp"),
                          new cn.yichang.edge.kura.KuraMetric("dp.name", "y"),
                          new cn.yichang.edge.kura.KuraMetric("dp.version", "1")),
                      null)));
      assertThat(http.code()).isEqualTo(400);
      assertThat(http.exceptionMessage()).contains("https");
      assertThat(app.handle(request("DEPLOY-V2", "EXEC", "install", null)).code()).isEqualTo(400);
      assertThat(app.handle(request("DEPLOY-V2", "EXEC", "uninstall", null)).code()).isEqualTo(400);
      assertThat(notes).isEmpty();
    }
    assertThat(deploy.handle(request("DEPLOY-V2", "EXEC", "download", null)).code())
        .as("without jobs, no downloads")
        .isEqualTo(404);
  }

  @Test
  void inventoryAsKurasJson() throws Exception {
    String all = text(inventory.handle(request("INVENTORY-V1", "GET", "inventory", null)));
    assertThat(all)
        .contains("\"name\": \"bash\",\n      \"version\": \"5.2.15-2\",\n      \"type\": \"DEB\"")
        .contains(
            "\"name\": \"com.example.pack\",\n      \"version\": \"1.0.0\",\n      \"type\": \"DP\"")
        .contains("\"type\": \"BUNDLE\"");
    assertThat(all.indexOf("\"bash\"")).isLessThan(all.indexOf("\"cn.yichang.edge.remote\""));
    assertThat(keys(all)).isEqualTo(keys(captureJson("INVENTORY-V1_GET_inventory_reply.json")));

    String bundles = text(inventory.handle(request("INVENTORY-V1", "GET", "bundles", null)));
    assertThat(bundles).contains("\"id\": 12").contains("\"state\": \"ACTIVE\"");
    assertThat(keys(bundles))
        .isEqualTo(keys(captureJson("INVENTORY-V1_GET_inventory_bundles_reply.json")));
    String dps = text(inventory.handle(request("INVENTORY-V1", "GET", "deploymentPackages", null)));
    assertThat(keys(dps))
        .isEqualTo(keys(captureJson("INVENTORY-V1_GET_inventory_packages_reply.json")));
    String system = text(inventory.handle(request("INVENTORY-V1", "GET", "systemPackages", null)));
    assertThat(keys(system))
        .isEqualTo(keys(captureJson("INVENTORY-V1_GET_inventory_system_reply.json")));
  }

  @Test
  void startAndStopByNameAndVersion() throws Exception {
    String body = "{\"name\":\"com.example.extra\",\"version\":\"1.2.3\"}";
    assertThat(inventory.handle(request("INVENTORY-V1", "EXEC", "bundles/_stop", body)).code())
        .isEqualTo(200);
    verify(extra).stop();
    assertThat(inventory.handle(request("INVENTORY-V1", "EXEC", "bundles/_start", body)).code())
        .isEqualTo(200);
    verify(extra).start();
    assertThat(
            inventory
                .handle(
                    request(
                        "INVENTORY-V1",
                        "EXEC",
                        "bundles/_start",
                        "{\"name\":\"nope\",\"version\":\"1\"}"))
                .code())
        .isEqualTo(404);
    assertThat(inventory.handle(request("INVENTORY-V1", "EXEC", "bundles/_start", "{}")).code())
        .isEqualTo(400);
  }

  /** The JSON keys used, as a set: our documents use exactly the keys Kura's do. */
  static TreeSet<String> keys(String json) {
    TreeSet<String> keys = new TreeSet<>();
    Matcher m = Pattern.compile("\"([A-Za-z]+)\"\\s*:").matcher(json);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /** Every element path of an XML document, as a set. */
  static TreeSet<String> elementPaths(String xml) throws Exception {
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    TreeSet<String> paths = new TreeSet<>();
    List<Object[]> todo = new ArrayList<>();
    todo.add(new Object[] {root, root.getTagName()});
    while (!todo.isEmpty()) {
      Object[] next = todo.remove(0);
      paths.add((String) next[1]);
      for (Node n = ((Element) next[0]).getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          todo.add(new Object[] {e, next[1] + "/" + e.getTagName()});
        }
      }
    }
    return paths;
  }

  static Path captures() {
    Path dir =
        Path.of(System.getProperty("kura.captures", "../../../shared/interop/kura-captures"));
    Assumptions.assumeTrue(Files.isDirectory(dir));
    return dir;
  }

  static String capture(String suffix) throws Exception {
    byte[] wire =
        Files.readAllBytes(
            captures().resolve("KapuaPool-client-id_DEPLOY-V2_REPLY_req-id_" + suffix + ".mqtt"));
    return new String(KuraPayloadCodec.decode(wire).body(), StandardCharsets.UTF_8);
  }

  static String captureJson(String file) throws Exception {
    return Files.readString(captures().resolve(file));
  }
}
