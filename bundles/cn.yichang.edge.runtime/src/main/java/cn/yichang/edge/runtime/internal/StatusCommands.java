package cn.yichang.edge.runtime.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code edge:status}: the gateway at a glance. Uptime, heap, the state directory's free space,
 * bundles and components that are not running and why; then, for the details, {@code edge:buses},
 * {@code edge:store}, {@code edge:uplink}.
 */
@Component(
    service = StatusCommands.class,
    property = {"osgi.command.scope=edge", "osgi.command.function=status"})
public final class StatusCommands {

  private final BundleContext context;
  private final ServiceComponentRuntime scr;

  @Activate
  public StatusCommands(BundleContext context, @Reference ServiceComponentRuntime scr) {
    this.context = context;
    this.scr = scr;
  }

  @Descriptor("the gateway at a glance: uptime, memory, disk, what is not running and why")
  public String status() {
    StringBuilder out = new StringBuilder();
    Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    line(out, "site", String.valueOf(context.getProperty("sanxia.site")));
    line(out, "uptime", format(up));
    line(
        out,
        "heap",
        String.format(Locale.ROOT, "%d of %d MB used", heap.getUsed() >> 20, heap.getMax() >> 20));
    line(out, "state", stateLine(StatusSocket.stateDir(context)));
    List<String> bundles = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      boolean fragment = b.getHeaders().get("Fragment-Host") != null;
      if (!fragment && b.getState() != Bundle.ACTIVE) {
        bundles.add(b.getSymbolicName() + " " + state(b.getState()));
      }
    }
    line(
        out,
        "bundles",
        context.getBundles().length
            + (bundles.isEmpty() ? ", all active" : ", not active: " + String.join(", ", bundles)));
    int active = 0;
    List<String> problems = new ArrayList<>();
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
        String problem = ComponentHealth.problem(c);
        if (problem == null) {
          active++;
        } else {
          Object pid = c.properties.get("id");
          problems.add(d.name + (pid == null ? "" : " " + pid) + ": " + problem);
        }
      }
    }
    line(
        out,
        "components",
        active + " running" + (problems.isEmpty() ? ", none failing or waiting" : ""));
    for (String p : problems) {
      out.append("  ").append(p).append('\n');
    }
    return out.toString();
  }

  private static String stateLine(Path state) {
    if (!Files.isDirectory(state)) {
      return state + " (missing)";
    }
    try {
      FileStore store = Files.getFileStore(state);
      return String.format(
          Locale.ROOT,
          "%s, %d MB free of %d MB",
          state,
          store.getUsableSpace() >> 20,
          store.getTotalSpace() >> 20);
    } catch (IOException e) {
      return state + " (" + e.getMessage() + ")";
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "%-11s %s%n", key, value));
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 86400
        ? String.format(Locale.ROOT, "%dd %02dh%02dm", s / 86400, s / 3600 % 24, s / 60 % 60)
        : String.format(Locale.ROOT, "%02dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
  }

  private static String state(int state) {
    return switch (state) {
      case Bundle.INSTALLED -> "installed (unresolved)";
      case Bundle.RESOLVED -> "resolved";
      case Bundle.STARTING -> "starting";
      case Bundle.STOPPING -> "stopping";
      default -> "state " + state;
    };
  }
}
