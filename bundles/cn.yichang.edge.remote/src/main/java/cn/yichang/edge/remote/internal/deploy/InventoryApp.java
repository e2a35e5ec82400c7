package cn.yichang.edge.remote.internal.deploy;

import static cn.yichang.edge.remote.internal.deploy.BundleViews.json;

import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * INVENTORY-V1 in Kura's JSON: {@code GET inventory} (bundles, deployment packages and system
 * packages, by name), {@code GET bundles}, {@code GET deploymentPackages}, {@code GET
 * systemPackages}; {@code EXEC bundles/_start} and {@code bundles/_stop} with {@code
 * {"name":..,"version":..}}.
 */
final class InventoryApp implements RemoteApp {
  static final String APP_ID = "INVENTORY-V1";
  private static final Pattern NAME = field("name");
  private static final Pattern VERSION = field("version");

  private final BundleContext context;
  private final PackageRegistry packages;
  private final Supplier<List<SystemPackages.SystemPackage>> system;

  InventoryApp(
      BundleContext context,
      PackageRegistry packages,
      Supplier<List<SystemPackages.SystemPackage>> system) {
    this.context = context;
    this.packages = packages;
    this.system = system;
  }

  @Override
  public String appId() {
    return APP_ID;
  }

  @Override
  public Response handle(Request r) throws Exception {
    String path = r.resourcePath();
    if (r.method().equals("GET")) {
      switch (path) {
        case "inventory" -> {
          return Response.ok(inventory());
        }
        case "bundles" -> {
          return Response.ok("{\n  \"bundles\": " + bundles(context.getBundles(), "  ") + "\n}");
        }
        case "deploymentPackages" -> {
          return Response.ok("{\n  \"deploymentPackages\": " + deploymentPackages() + "\n}");
        }
        case "systemPackages" -> {
          return Response.ok("{\n  \"systemPackages\": " + systemPackages() + "\n}");
        }
        default -> {
          // not found below
        }
      }
    }
    if (r.method().equals("EXEC")
        && (path.equals("bundles/_start") || path.equals("bundles/_stop"))) {
      return startOrStop(path.endsWith("_start"), new String(r.body(), StandardCharsets.UTF_8));
    }
    return Response.notFound("no resource " + r.method() + " " + path + " in " + APP_ID);
  }

  private Response startOrStop(boolean start, String body) throws Exception {
    Matcher name = NAME.matcher(body);
    Matcher version = VERSION.matcher(body);
    if (!name.find() || !version.find()) {
      return Response.badRequest("expected {\"name\": ..., \"version\": ...}");
    }
    for (Bundle b : context.getBundles()) {
      if (BundleViews.name(b).equals(unescape(name.group(1)))
          && b.getVersion().toString().equals(unescape(version.group(1)))) {
        if (start) {
          b.start();
        } else if (b.getBundleId() == 0 || b.equals(context.getBundle())) {
          return Response.badRequest(BundleViews.name(b) + " is not stopped remotely");
        } else {
          b.stop();
        }
        return Response.ok();
      }
    }
    return Response.notFound("no bundle " + name.group(1) + " " + version.group(1));
  }

  private String inventory() {
    record Item(String name, String version, String type) {}
    List<Item> items = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      items.add(new Item(BundleViews.name(b), b.getVersion().toString(), "BUNDLE"));
    }
    for (InstalledPackage p : packages.installed()) {
      items.add(new Item(p.name(), p.version(), "DP"));
    }
    for (SystemPackages.SystemPackage p : system.get()) {
      items.add(new Item(p.name(), p.version(), p.type()));
    }
    items.sort(Comparator.comparing(Item::name).thenComparing(Item::type));
    StringBuilder j = new StringBuilder("{\n  \"inventory\": [");
    String sep = "\n";
    for (Item i : items) {
      j.append(sep)
          .append("    {\n      \"name\": ")
          .append(json(i.name()))
          .append(",\n      \"version\": ")
          .append(json(i.version()))
          .append(",\n      \"type\": ")
          .append(json(i.type()))
          .append("\n    }");
      sep = ",\n";
    }
    return j.append("\n  ]\n}").toString();
  }

  private static String bundles(Bundle[] bundles, String indent) {
    StringBuilder j = new StringBuilder("[");
    String sep = "\n";
    for (Bundle b : bundles) {
      j.append(sep).append(bundle(b, indent + "  "));
      sep = ",\n";
    }
    return j.append("\n").append(indent).append("]").toString();
  }

  private static String bundle(Bundle b, String indent) {
    String in = indent + "  ";
    return indent
        + "{\n"
        + in
        + "\"name\": "
        + json(BundleViews.name(b))
        + ",\n"
        + in
        + "\"version\": "
        + json(b.getVersion().toString())
        + ",\n"
        + in
        + "\"id\": "
        + b.getBundleId()
        + ",\n"
        + in
        + "\"state\": "
        + json(BundleViews.state(b))
        + ",\n"
        + in
        + "\"signed\": false\n"
        + indent
        + "}";
  }

  private String deploymentPackages() {
    StringBuilder j = new StringBuilder("[");
    String sep = "\n";
    for (InstalledPackage p : packages.installed()) {
      List<Bundle> members = new ArrayList<>();
      for (InstalledPackage.PackageBundle pb : p.bundles()) {
        Bundle b = context.getBundle(pb.id());
        if (b != null) {
          members.add(b);
        }
      }
      j.append(sep)
          .append("    {\n      \"name\": ")
          .append(json(p.name()))
          .append(",\n      \"version\": ")
          .append(json(p.version()))
          .append(",\n      \"bundles\": ")
          .append(bundles(members.toArray(Bundle[]::new), "      "))
          .append(",\n      \"signed\": false\n    }");
      sep = ",\n";
    }
    return j.append("\n  ]").toString();
  }

  private String systemPackages() {
    StringBuilder j = new StringBuilder("[");
    String sep = "\n";
    for (SystemPackages.SystemPackage p : system.get()) {
      j.append(sep)
          .append("    {\n      \"name\": ")
          .append(json(p.name()))
          .append(",\n      \"version\": ")
          .append(json(p.version()))
          .append(",\n      \"type\": ")
          .append(json(p.type()))
          .append("\n    }");
      sep = ",\n";
    }
    return j.append("\n  ]").toString();
  }

  private static Pattern field(String name) {
    return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  }

  private static String unescape(String s) {
    return s.replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
