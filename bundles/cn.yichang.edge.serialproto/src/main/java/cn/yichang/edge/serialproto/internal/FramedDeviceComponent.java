package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.serial.SerialLineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** A configured {@code protocol: framed} device: polled by its bus, or streaming alone. */
@Component(
    configurationPid = FramedDeviceComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = SerialDeviceConfig.class, factory = true)
public final class FramedDeviceComponent {

  public static final String PID = "cn.yichang.edge.serialproto.framed";
  public static final String PROTOCOL = "framed";

  private final SerialDevice device;
  private final ServiceRegistration<Asset> asset;

  @Activate
  public FramedDeviceComponent(
      @Reference(name = "bus") Bus bus,
      @Reference(name = "profiles") ProfileRepository profiles,
      @Reference(name = "publisher") ReadingPublisher publisher,
      @Reference(name = "lines") SerialLineFactory lines,
      SerialDeviceConfig config,
      BundleContext context) {
    this.device =
        SerialDevice.start(
            PROTOCOL, config, bus, profiles, publisher, lines, FramedDeviceComponent::codec);
    this.asset =
        AsciiLineDeviceComponent.register(
            context,
            config.id(),
            SerialAsset.channels(device.profile().spec(FramedSpec.class)),
            bus,
            device);
  }

  /** How a framed profile's devices are read: frames, and the request of a poll if any. */
  static SerialDevice.Codec codec(DeviceProfile profile) {
    FramedSpec spec = profile.spec(FramedSpec.class);
    return new SerialDevice.Codec(new FrameParser(spec), spec.request(), spec.timeout());
  }

  SerialDevice device() {
    return device;
  }

  @Deactivate
  void deactivate() {
    asset.unregister();
    device.close();
  }
}
