package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.serial.SerialLineFactory;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
  private final ServiceRegistration<Asset> asset;

  @Activate
  public AsciiLineDeviceComponent(
      @Reference(name = "bus") Bus bus,
      @Reference(name = "profiles") ProfileRepository profiles,
      @Reference(name = "publisher") ReadingPublisher publisher,
      @Reference(name = "lines") SerialLineFactory lines,
      SerialDeviceConfig config,
      BundleContext context) {
    this.device =
        SerialDevice.start(
            PROTOCOL, config, bus, profiles, publisher, lines, AsciiLineDeviceComponent::codec);
    this.asset =
        register(
            context,
            config.id(),
            SerialAsset.channels(device.profile().spec(AsciiLineSpec.class)),
            bus,
            device);
  }

  /** How an ascii-line profile's devices are read: lines, and the command of a poll if any. */
  static SerialDevice.Codec codec(DeviceProfile profile) {
    AsciiLineSpec spec = profile.spec(AsciiLineSpec.class);
    return new SerialDevice.Codec(
        new LineParser(spec),
        spec.command() == null ? null : spec.command().getBytes(StandardCharsets.ISO_8859_1),
        spec.timeout());
  }

  /** Registers the device as an {@link Asset} for remote management (ASSET-V1). */
  static ServiceRegistration<Asset> register(
      BundleContext context, String id, List<Asset.Channel> channels, Bus bus, SerialDevice d) {
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Asset.DEVICE_ID, id);
    return context.registerService(
        Asset.class, new SerialAsset(id, channels, bus, d.polled(), d.streaming()), properties);
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
