package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.ConfiguredPull;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingPublisher;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured GPIO device: finds its profile, opens its pin through the {@link GpioRuntime} and is
 * polled by it. Everything is checked in the constructor, so a wrong configuration makes SCR log
 * one error naming the device.
 */
@Component(
    configurationPid = GpioDeviceConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = GpioDeviceConfig.class, factory = true)
public final class GpioDeviceComponent {
  private static final Logger LOG = LoggerFactory.getLogger(GpioDeviceComponent.class);

  private final GpioRuntime runtime;
  private final GpioDevice device;
  private final ServiceRegistration<Asset> asset;

  @Activate
  public GpioDeviceComponent(
      @Reference(name = "runtime") GpioRuntime runtime,
      @Reference(name = "profiles") ProfileRepository profiles,
      @Reference(name = "publisher") ReadingPublisher publisher,
      GpioDeviceConfig config,
      BundleContext context) {
    String id = config.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("GPIO device configuration without an id");
    }
    GpioSpec spec = spec(id, config.profile(), profiles);
    Pull pull = ConfiguredPull.of(id, config.pull(), spec);
    this.runtime = runtime;
    this.device =
        new GpioDevice(
            id, spec, config.pin(), pull, runtime.clockwork(), publisher, runtime.counters());
    runtime.attach(device, Duration.ofMillis(Math.max(1, config.poll_ms())));
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Asset.DEVICE_ID, id);
    this.asset = context.registerService(Asset.class, new GpioAsset(device, runtime), properties);
    LOG.info(
        "{}: {} on GPIO {} ({}, active {}, pull {}, debounce {} ms), provider {}",
        id,
        spec.kind().name().toLowerCase(Locale.ROOT),
        config.pin(),
        String.join(", ", spec.pointNames()),
        spec.activeHigh() ? "high" : "low",
        pull.name().toLowerCase(Locale.ROOT),
        spec.debounce().toMillis(),
        runtime.provider());
  }

  private static GpioSpec spec(String id, String profileId, ProfileRepository repo) {
    DeviceProfile profile;
    try {
      profile =
          repo.find(profileId)
              .orElseThrow(
                  () -> new IllegalStateException(id + ": profile " + profileId + " not found"));
    } catch (ProfileException e) {
      throw new IllegalStateException(
          id + ": profile " + profileId + " is invalid: " + e.getMessage(), e);
    }
    if (!(profile.spec() instanceof GpioSpec spec)) {
      throw new IllegalStateException(
          id + ": profile " + profileId + " is " + profile.protocol() + ", not gpio");
    }
    return spec;
  }

  @Deactivate
  void deactivate() {
    asset.unregister();
    runtime.detach(device);
  }
}
