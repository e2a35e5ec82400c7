package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.serial.SerialLineFactory;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** A configured {@code protocol: ascii-line} device: polled by its bus, or streaming alone. */
@Component(
    configurationPid = AsciiLineDeviceComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = SerialDeviceConfig.class, factory = true)
public final class AsciiLineDeviceComponent {

  public static final String PID = "cn.yichang.edge.serialproto.ascii";
  public static final String PROTOCOL = "ascii-line";

  private final SerialDevice device;

  @Activate
  public AsciiLineDeviceComponent(
      @Reference(name = "bus") Bus bus,
      @Reference(name = "profiles") ProfileRepository profiles,
      @Reference(name = "publisher") ReadingPublisher publisher,
      @Reference(name = "lines") SerialLineFactory lines,
      SerialDeviceConfig config) {
    this.device =
        SerialDevice.start(
            PROTOCOL,
            config,
            bus,
            profiles,
            publisher,
            lines,
            profile -> {
              AsciiLineSpec spec = profile.spec(AsciiLineSpec.class);
              return new SerialDevice.Codec(
                  new LineParser(spec),
                  spec.command() == null
                      ? null
                      : spec.command().getBytes(StandardCharsets.ISO_8859_1),
                  spec.timeout());
            });
  }

  SerialDevice device() {
    return device;
  }

  @Deactivate
  void deactivate() {
    device.close();
  }
}
