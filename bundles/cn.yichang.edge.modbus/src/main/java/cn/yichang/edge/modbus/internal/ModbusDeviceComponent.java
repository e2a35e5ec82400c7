package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
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
 * A configured Modbus RTU device: plans its reads for its bus's line and has the bus poll it.
 *
 * <p>Everything is checked in the constructor, so a wrong configuration makes SCR log one clear
 * error naming the device and nothing half-started remains. A change of configuration or of the
 * bound bus recreates the component: that is cheap and replans for the new line.
 */
@Component(
    configurationPid = DeviceConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = DeviceConfig.class, factory = true)
public final class ModbusDeviceComponent {

  private static final Logger LOG = LoggerFactory.getLogger(ModbusDeviceComponent.class);

  private final ModbusDevicePoller poller;
  private final Bus.Attachment attachment;
  private final ServiceRegistration<Asset> asset;

  @Activate
  public ModbusDeviceComponent(
      @Reference(name = "bus") Bus bus,
      @Reference(name = "profiles") ProfileRepository profiles,
      @Reference(name = "publisher") ReadingPublisher publisher,
      DeviceConfig config,
      BundleContext context) {
    String id = config.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("device configuration without an id");
    }
    if (!bus.id().equals(config.bus())) {
      // bus.target was not set, or does not match: polling on the wrong line would be worse.
      throw new IllegalStateException(
          id + ": bound to bus " + bus.id() + " but configured for bus " + config.bus());
    }
    DeviceProfile profile = findProfile(id, config.profile(), profiles);
    try {
      RequestPlan plan = RequestPlanner.plan(profile, bus.settings());
      this.poller =
          new ModbusDevicePoller(
              id,
              profile,
              config.unit(),
              Duration.ofMillis(config.poll_ms()),
              plan,
              publisher,
              Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          id + " (profile " + config.profile() + "): " + e.getMessage(), e);
    }
    this.attachment = bus.attach(poller);
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Asset.DEVICE_ID, id);
    this.asset = context.registerService(Asset.class, new ModbusAsset(bus, poller), properties);
    RequestPlan plan = poller.plan();
    LOG.info(
        "{}: {} points in {} request(s) on {}: {}",
        id,
        plan.pointCount(),
        plan.requests().size(),
        bus.id(),
        plan.describe());
  }

  private static DeviceProfile findProfile(String id, String profileId, ProfileRepository repo) {
    try {
      return repo.find(profileId)
          .orElseThrow(
              () -> new IllegalStateException(id + ": profile " + profileId + " not found"));
    } catch (ProfileException e) {
      throw new IllegalStateException(
          id + ": profile " + profileId + " is invalid: " + e.getMessage(), e);
    }
  }

  ModbusDevicePoller poller() {
    return poller;
  }

  @Deactivate
  void deactivate() {
    asset.unregister();
    attachment.close();
  }
}
