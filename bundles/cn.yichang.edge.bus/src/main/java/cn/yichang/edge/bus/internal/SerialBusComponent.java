package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLineFactory;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One bus per factory configuration {@code cn.yichang.edge.bus}. The {@link Bus} service is
 * registered by hand so that it carries {@code bus.id}, which device configurations target.
 */
@Component(
    configurationPid = SerialBusComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = SerialBusConfig.class, factory = true)
public final class SerialBusComponent {
  public static final String PID = "cn.yichang.edge.bus";

  private final BusScheduler scheduler;
  private final ServiceRegistration<Bus> registration;

  @Activate
  public SerialBusComponent(
      @Reference SerialLineFactory lines, SerialBusConfig config, BundleContext context) {
    scheduler =
        new BusScheduler(
            config.id(),
            settings(config),
            TimeUnit.MILLISECONDS.toNanos(config.response_timeout_ms()),
            lines,
            Clock.systemUTC());
    scheduler.start();
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Bus.ID_PROPERTY, config.id());
    registration = context.registerService(Bus.class, scheduler, properties);
  }

  static LineSettings settings(SerialBusConfig config) {
    return new LineSettings(
        config.port(),
        config.baud(),
        Parity.valueOf(config.parity().toUpperCase(Locale.ROOT)),
        config.data_bits(),
        config.stop_bits());
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    registration.unregister();
    scheduler.stop();
  }
}
