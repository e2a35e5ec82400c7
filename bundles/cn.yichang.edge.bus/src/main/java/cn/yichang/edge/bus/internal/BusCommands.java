package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.DeviceStatus;
import cn.yichang.edge.bus.TransactionCounters;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code edge:buses}: every bus with its counters and its devices. {@code edge:poll DEVICE}: poll
 * one device now, out of its schedule, and say how it went (its values: {@code edge:readings}).
 */
@Component(
    service = BusCommands.class,
    property = {
      "osgi.command.scope=edge",
      "osgi.command.function=buses",
      "osgi.command.function=poll"
    })
public final class BusCommands {

  static final Duration POLL_WAIT = Duration.ofSeconds(30);

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

  @Descriptor("poll a device now (even one in backoff) and show how it answered")
  public String poll(@Descriptor("device id") String deviceId) throws InterruptedException {
    for (Bus bus : buses) {
      Optional<DeviceStatus> before = status(bus, deviceId);
      if (before.isEmpty() || !(bus instanceof BusScheduler scheduler)) {
        continue;
      }
      scheduler.pollSoon(deviceId);
      long deadline = System.nanoTime() + POLL_WAIT.toNanos();
      while (System.nanoTime() - deadline < 0) {
        Optional<DeviceStatus> now = status(bus, deviceId);
        if (now.isEmpty()) {
          return deviceId + ": removed from " + bus.id() + " while waiting";
        }
        if (now.get().polls() > before.get().polls()) {
          DeviceStatus d = now.get();
          return String.format(
              "%s on %s: %s  %s%n",
              deviceId,
              bus.id(),
              d.consecutiveFailures() == 0
                  ? "answered"
                  : "no answer (failing x" + d.consecutiveFailures() + ")",
              describe(d.counters()));
        }
        LockSupport.parkNanos(5_000_000L);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return deviceId
          + ": not polled within "
          + POLL_WAIT.toSeconds()
          + " s (is the line of "
          + bus.id()
          + " open? see edge:buses and the log)";
    }
    return "no device " + deviceId + " on any bus";
  }

  private static Optional<DeviceStatus> status(Bus bus, String deviceId) {
    return bus.devices().stream().filter(d -> d.deviceId().equals(deviceId)).findFirst();
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
