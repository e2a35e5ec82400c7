package cn.yichang.edge.gpio.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code edge:gpio}: every GPIO device with its pin, raw level and values; {@code edge:ack DEVICE}:
 * resets a latched alarm (the carer's local reset).
 */
@Component(
    service = GpioCommands.class,
    property = {
      "osgi.command.scope=edge",
      "osgi.command.function=gpio",
      "osgi.command.function=ack"
    })
public final class GpioCommands {

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  volatile GpioRuntime runtime;

  public GpioCommands() {}

  GpioCommands(GpioRuntime runtime) {
    this.runtime = runtime;
  }

  @Descriptor("show every GPIO device: pin, level on the wire, values")
  public String gpio() {
    GpioRuntime current = runtime;
    if (current == null) {
      return "no GPIO: no gpio devices in the site file, or the GPIO provider failed (see the log)";
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format("GPIO provider %s%n", current.provider()));
    out.append(
        String.format("%-14s %4s %-9s %-5s %s%n", "DEVICE", "PIN", "KIND", "LEVEL", "VALUES"));
    for (GpioDevice.Status s : current.status()) {
      out.append(
          String.format(
              "%-14s %4d %-9s %-5s %s%n",
              s.id(),
              s.pin(),
              s.kind().name().toLowerCase(java.util.Locale.ROOT),
              s.high() ? "high" : "low",
              String.join(", ", s.values())));
    }
    return out.toString();
  }

  @Descriptor("reset the latched alarm of a GPIO device (SOS button, door forced)")
  public String ack(@Descriptor("device id") String deviceId) {
    GpioRuntime current = runtime;
    if (current == null) {
      return "no GPIO devices";
    }
    if (current.acknowledge(deviceId)) {
      return deviceId + ": alarm reset";
    }
    return deviceId
        + ": no latched alarm (latched now: "
        + (current.latched().isEmpty() ? "none" : String.join(", ", current.latched()))
        + ")";
  }
}
