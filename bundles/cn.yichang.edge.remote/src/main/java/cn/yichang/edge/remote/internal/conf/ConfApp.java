package cn.yichang.edge.remote.internal.conf;

import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.site.RemoteSite;
import cn.yichang.edge.site.SiteChangeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONF-V1: {@code GET configurations[/<pid>]}, {@code PUT configurations[/<pid>]}, {@code GET
 * snapshots[/<id>]}, {@code EXEC snapshot}, {@code EXEC rollback[/<id>]}, in Kura's XML. Changes go
 * through {@link RemoteSite}: validated as the site file, snapshotted before, kept across restarts.
 * Configurations the site file does not make (the reading dispatcher, this bundle's limits, ...)
 * are shown and can be sent back unchanged; changing them is refused.
 */
@Component(service = RemoteApp.class)
public final class ConfApp implements RemoteApp {
  static final String APP_ID = "CONF-V1";
  private static final Logger LOG = LoggerFactory.getLogger(ConfApp.class);

  private final RemoteSite site;
  private final Configurations configurations;

  @Activate
  public ConfApp(
      @Reference RemoteSite site,
      @Reference ConfigurationAdmin admin,
      @Reference MetaTypeService metaType,
      BundleContext context) {
    this(site, new OsgiConfigurations(admin, metaType, context));
  }

  ConfApp(RemoteSite site, Configurations configurations) {
    this.site = site;
    this.configurations = configurations;
  }

  @Override
  public String appId() {
    return APP_ID;
  }

  @Override
  public Response handle(Request r) throws Exception {
    List<String> res = r.resources();
    String first = res.isEmpty() ? "" : res.get(0);
    String method = r.method();
    try {
      if (first.equals("configurations") && res.size() <= 2) {
        String pid = res.size() == 2 ? res.get(1) : null;
        return switch (method) {
          case "GET" -> get(pid);
          case "PUT" -> put(pid, r.body());
          default -> Response.badRequest(method + " configurations: use GET or PUT");
        };
      }
      if (first.equals("snapshots") && method.equals("GET") && res.size() <= 2) {
        return res.size() == 1
            ? Response.ok(EsfXml.snapshotIds(site.snapshots()))
            : snapshot(res.get(1));
      }
      if (first.equals("snapshot") && method.equals("EXEC") && res.size() == 1) {
        return Response.ok(EsfXml.snapshotIds(List.of(site.takeSnapshot())));
      }
      if (first.equals("rollback") && method.equals("EXEC") && res.size() <= 2) {
        Long id = res.size() == 2 ? snapshotId(res.get(1)) : null;
        if (res.size() == 2 && id == null) {
          return Response.badRequest("snapshot id " + res.get(1) + " is not a number");
        }
        site.rollback(id);
        return Response.ok();
      }
    } catch (SiteChangeException e) {
      return e.notFound() ? Response.notFound(e.getMessage()) : Response.badRequest(e.getMessage());
    }
    return Response.notFound("no resource " + method + " " + r.resourcePath() + " in " + APP_ID);
  }

  private Response get(String pid) {
    List<EsfXml.Configuration> all = configurations.list(pid);
    if (pid != null && all.isEmpty()) {
      return Response.notFound("no configuration " + pid);
    }
    return Response.ok(EsfXml.configurations(all, configurations.passwords(all)));
  }

  private Response snapshot(String text) throws SiteChangeException {
    Long id = snapshotId(text);
    if (id == null) {
      return Response.notFound("no snapshot " + text);
    }
    List<EsfXml.Configuration> list = new ArrayList<>();
    site.snapshot(id).forEach((pid, props) -> list.add(new EsfXml.Configuration(pid, null, props)));
    return Response.ok(EsfXml.configurations(list, configurations.passwords(list)));
  }

  private Response put(String pid, byte[] body) throws SiteChangeException {
    Map<String, Map<String, Object>> sent;
    try {
      sent = EsfXmlReader.read(body);
    } catch (IllegalArgumentException e) {
      return Response.badRequest(e.getMessage());
    }
    if (pid != null && !(sent.size() == 1 && sent.containsKey(pid))) {
      return Response.badRequest(
          "PUT configurations/" + pid + " must carry that one configuration");
    }
    if (sent.isEmpty()) {
      return Response.badRequest("no esf:configuration in the body");
    }
    Set<String> owned = site.configurations().keySet();
    Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : sent.entrySet()) {
      if (owned.contains(e.getKey())) {
        changes.put(e.getKey(), e.getValue());
      } else if (!unchanged(e.getKey(), e.getValue())) {
        refused.add(e.getKey() + ": cannot be changed remotely");
      }
    }
    if (!refused.isEmpty()) {
      return Response.badRequest(String.join("; ", refused));
    }
    if (changes.isEmpty()) {
      return Response.ok();
    }
    long snapshot = site.change(changes);
    LOG.info(
        "Configurations {} changed remotely; snapshot {} taken before", changes.keySet(), snapshot);
    return Response.ok();
  }

  /** Whether what was sent for a configuration the site does not own equals what it is now. */
  private boolean unchanged(String pid, Map<String, Object> sent) {
    List<EsfXml.Configuration> now = configurations.list(pid);
    if (now.isEmpty()) {
      return false;
    }
    Set<String> passwords = configurations.passwords(now);
    Map<String, Object> current = now.get(0).properties();
    for (Map.Entry<String, Object> e : sent.entrySet()) {
      if (passwords.contains(pid + "/" + e.getKey()) && EsfXml.PASSWORD_MASK.equals(e.getValue())) {
        continue;
      }
      if (!Objects.deepEquals(current.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true; // properties not sent keep their values
  }

  private static Long snapshotId(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
