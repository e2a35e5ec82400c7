package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.DeviceStatus;
import cn.yichang.edge.bus.TransactionCounters;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code edge:buses}: every bus with its counters and its devices. */
@Component(
    service = BusCommands.class,
    property = {"osgi.command.scope=edge", "osgi.command.function=buses"})
public final class BusCommands {

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  volatile List<Bus> buses = new CopyOnWriteArrayList<>();

  public BusCommands() {}

  BusCommands(List<Bus> buses) {
    this.buses = buses;
  }

  @Descriptor("show every bus with its transaction counters and its devices")
  public String buses() {
    StringBuilder out = new StringBuilder();
    buses.stream()
        .sorted(Comparator.comparing(Bus::id))
        .forEach(
            bus -> {
              out.append(
                  String.format(
                      "%s  %s %d baud  %s%n",
                      bus.id(),
                      bus.settings().port(),
                      bus.settings().baud(),
                      describe(bus.counters())));
              for (DeviceStatus device : bus.devices()) {
                out.append(
                    String.format(
                        "  %-16s every %-6s polls=%d  %s%s%n",
                        device.deviceId(),
                        device.pollInterval().toMillis() + "ms",
                        device.polls(),
                        describe(device.counters()),
                        device.consecutiveFailures() == 0
                            ? ""
                            : "  failing x"
                                + device.consecutiveFailures()
                                + ", backoff "
                                + device.backoff().toMillis()
                                + "ms"));
              }
            });
    return out.length() == 0 ? "no buses" : out.toString();
  }

  static String describe(TransactionCounters c) {
    return String.format(
        "tx=%d timeouts=%d crc=%d exceptions=%d last-ok=%s",
        c.transactions(),
        c.timeouts(),
        c.corruptFrames(),
        c.exceptions(),
        c.lastSuccess() == null ? "never" : c.lastSuccess().toString());
  }
}
