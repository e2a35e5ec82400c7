package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.GpioAlarms;
import cn.yichang.edge.gpio.config.GpioConfig;
import cn.yichang.edge.gpio.internal.pins.DigitalInputs;
import cn.yichang.edge.gpio.internal.pins.Pi4jInputs;
import cn.yichang.edge.profile.GpioSpec.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's GPIO: one Pi4J context with the configured provider, the timers of every device,
 * the pulse counts in the state directory (flushed every {@code counter.flush.ms}), the mock
 * provider's event script, and the registry of devices that {@code edge:gpio}, {@code edge:ack} and
 * {@link GpioAlarms} use.
 */
@Component(
    configurationPid = GpioConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {GpioRuntime.class, GpioAlarms.class})
@Designate(ocd = GpioConfig.class)
public final class GpioRuntime implements GpioAlarms {
  private static final Logger LOG = LoggerFactory.getLogger(GpioRuntime.class);
  static final String STATE_PROPERTY = "sanxia.state";

  private final DigitalInputs inputs;
  private final Clockwork.System clockwork;
  private final Clockwork.System flusher;
  private final CounterFiles counters;
  private final Clockwork.Cancellable flushing;
  private final ScriptPlayer player;
  private final Map<String, Attached> devices = new ConcurrentHashMap<>();

  private record Attached(GpioDevice device, Clockwork.Cancellable polling) {}

  @Activate
  public GpioRuntime(GpioConfig config, BundleContext context) throws ConfigurationException {
    this(config, context.getProperty(STATE_PROPERTY));
  }

  GpioRuntime(GpioConfig config, String stateProperty) throws ConfigurationException {
    GpioStart start = GpioStart.of(config);
    String provider = start.provider();
    Path stateDir =
        !config.state_dir().isBlank()
            ? Path.of(config.state_dir())
            : stateProperty != null && !stateProperty.isBlank()
                ? Path.of(stateProperty)
                : Path.of(System.getProperty("user.home"), ".sanxia-edge");
    EventScript script = start.script();
    // last, once nothing more can fail: no thread or Pi4J context is left behind by a bad config
    Pi4jInputs pi4j = Pi4jInputs.open(provider);
    this.inputs = pi4j;
    this.clockwork = Clockwork.system("gpio-timers");
    this.flusher = Clockwork.system("gpio-counters");
    this.counters = new CounterFiles(stateDir.resolve("gpio"));
    Duration flushEvery = Duration.ofMillis(Math.max(10, config.counter_flush_ms()));
    this.flushing = flusher.every(counters::flush, flushEvery);
    this.player = script == null ? null : ScriptPlayer.start(script, pi4j);
    LOG.info(
        "GPIO: provider {}{}; pulse counts in {} (written every {} ms)",
        provider,
        script == null
            ? ""
            : ", playing " + script.steps().size() + " events of " + config.script(),
        stateDir.resolve("gpio"),
        flushEvery.toMillis());
  }

  String provider() {
    return inputs.provider();
  }

  Clockwork clockwork() {
    return clockwork;
  }

  CounterStore counters() {
    return counters;
  }

  /** Opens the device's pin and polls it every {@code poll}. */
  void attach(GpioDevice device, Duration poll) {
    if (devices.putIfAbsent(device.id(), new Attached(device, () -> {})) != null) {
      throw new IllegalStateException("GPIO device " + device.id() + " is already running");
    }
    try {
      device.start(inputs);
    } catch (RuntimeException e) {
      devices.remove(device.id());
      throw e;
    }
    devices.put(device.id(), new Attached(device, clockwork.every(device::poll, poll)));
  }

  void detach(GpioDevice device) {
    Attached a = devices.remove(device.id());
    if (a != null) {
      a.polling().cancel();
    }
    device.close();
    counters.flush();
  }

  List<GpioDevice.Status> status() {
    List<GpioDevice.Status> list = new ArrayList<>();
    devices.values().forEach(a -> list.add(a.device().status()));
    list.sort(Comparator.comparing(GpioDevice.Status::id));
    return list;
  }

  @Override
  public List<String> latched() {
    return devices.values().stream()
        .map(Attached::device)
        .filter(GpioDevice::latched)
        .map(GpioDevice::id)
        .sorted()
        .toList();
  }

  @Override
  public boolean acknowledge(String deviceId) {
    Attached a = devices.get(deviceId);
    if (a == null || a.device().spec().kind() != Kind.ALARM) {
      return false;
    }
    boolean reset = a.device().acknowledge();
    if (reset) {
      LOG.info("GPIO: alarm of {} acknowledged", deviceId);
    }
    return reset;
  }

  @Deactivate
  void deactivate() {
    if (player != null) {
      player.close();
    }
    flushing.cancel();
    flusher.close();
    counters.flush();
    clockwork.close();
    inputs.close();
  }
}
