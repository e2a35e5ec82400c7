package cn.yichang.edge.remote.internal.deploy;

import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * DEPLOY-V2: {@code GET bundles}, {@code GET packages} in Kura's XML, {@code EXEC start/<id>},
 * {@code EXEC stop/<id>}. The framework itself and this bundle are not stopped from afar: either
 * would end remote management until someone is on site.
 */
final class DeployApp implements RemoteApp {
  static final String APP_ID = "DEPLOY-V2";

  private final BundleContext context;
  private final PackageRegistry packages;
  private final PackageJobs jobs;

  /**
   * @param jobs null: download, install and uninstall are not offered
   */
  DeployApp(BundleContext context, PackageRegistry packages, PackageJobs jobs) {
    this.context = context;
    this.packages = packages;
    this.jobs = jobs;
  }

  @Override
  public String appId() {
    return APP_ID;
  }

  @Override
  public Response handle(Request r) throws Exception {
    List<String> res = r.resources();
    String what = res.isEmpty() ? "" : res.get(0);
    if (r.method().equals("GET") && res.size() == 1 && what.equals("bundles")) {
      return Response.ok(bundlesXml());
    }
    if (r.method().equals("GET") && res.size() == 1 && what.equals("packages")) {
      return Response.ok(packagesXml());
    }
    if (jobs != null && r.method().equals("EXEC") && res.size() == 1) {
      switch (what) {
        case "download" -> {
          return jobs.download(r);
        }
        case "install" -> {
          return jobs.install(r);
        }
        case "uninstall" -> {
          return jobs.uninstall(r);
        }
        default -> {
          // not found below
        }
      }
    }
    if (r.method().equals("EXEC")
        && res.size() == 2
        && (what.equals("start") || what.equals("stop"))) {
      return startOrStop(what.equals("start"), res.get(1));
    }
    return Response.notFound(
        "no resource " + r.method() + " " + r.resourcePath() + " in " + APP_ID);
  }

  private Response startOrStop(boolean start, String idText) throws BundleException {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      return Response.badRequest("bundle id " + idText + " is not a number");
    }
    Bundle b = context.getBundle(id);
    if (b == null) {
      return Response.notFound("no bundle " + id);
    }
    if (start) {
      b.start();
      return Response.ok();
    }
    if (id == 0 || b.equals(context.getBundle())) {
      return Response.badRequest(
          "bundle "
              + id
              + " ("
              + BundleViews.name(b)
              + ") is not stopped remotely: it would end"
              + " remote management");
    }
    b.stop();
    return Response.ok();
  }

  private String bundlesXml() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bundles>\n");
    for (Bundle b : context.getBundles()) {
      x.append("    <bundle>\n")
          .append("        <name>")
          .append(BundleViews.xml(BundleViews.name(b)))
          .append("</name>\n")
          .append("        <version>")
          .append(b.getVersion())
          .append("</version>\n")
          .append("        <id>")
          .append(b.getBundleId())
          .append("</id>\n")
          .append("        <state>")
          .append(BundleViews.state(b))
          .append("</state>\n")
          .append("    </bundle>\n");
    }
    return x.append("</bundles>\n").toString();
  }

  private String packagesXml() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><packages>\n");
    for (InstalledPackage p : packages.installed()) {
      x.append("    <package>\n")
          .append("        <name>")
          .append(BundleViews.xml(p.name()))
          .append("</name>\n")
          .append("        <version>")
          .append(BundleViews.xml(p.version()))
          .append("</version>\n")
          .append("        <bundles>\n");
      for (InstalledPackage.PackageBundle b : p.bundles()) {
        x.append("            <bundle>\n")
            .append("                <name>")
            .append(BundleViews.xml(b.name()))
            .append("</name>\n")
            .append("                <version>")
            .append(BundleViews.xml(b.version()))
            .append("</version>\n")
            .append("            </bundle>\n");
      }
      x.append("        </bundles>\n").append("    </package>\n");
    }
    return x.append("</packages>\n").toString();
  }
}
