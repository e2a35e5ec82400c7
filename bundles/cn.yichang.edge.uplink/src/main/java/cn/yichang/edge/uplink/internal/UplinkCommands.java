package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.Uplink;
import cn.yichang.edge.uplink.UplinkStatus;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code edge:uplink}: the connection and its counters. */
@Component(
    service = UplinkCommands.class,
    property = {"osgi.command.scope=edge", "osgi.command.function=uplink"})
public final class UplinkCommands {

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  volatile Uplink uplink;

  public UplinkCommands() {}

  UplinkCommands(Uplink uplink) {
    this.uplink = uplink;
  }

  @Descriptor("show the uplink's connection, counters and last error")
  public String uplink() {
    Uplink current = uplink;
    if (current == null) {
      return "no uplink: no uplink: section in the site file, or its configuration failed"
          + " (see the log)";
    }
    return format(current.status());
  }

  static String format(UplinkStatus s) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("uplink %s (%s)%n", s.server(), s.protocol()));
    out.append(
        s.connected()
            ? String.format("  connected since %s%n", s.connectedSince())
            : String.format("  disconnected%n"));
    out.append(
        String.format(
            "  published=%d acknowledged=%d failed=%d in-flight=%d reconnects=%d%n",
            s.published(), s.acknowledged(), s.failed(), s.inFlight(), s.reconnects()));
    out.append(
        String.format(
            "  buffered=%d evicted=%d split=%d set-aside=%d%n",
            s.buffered(), s.evicted(), s.split(), s.setAside()));
    out.append(
        s.lastError() == null
            ? String.format("  last error: none%n")
            : String.format("  last error: %s at %s%n", s.lastError(), s.lastErrorAt()));
    return out.toString();
  }
}
