package cn.yichang.edge.site.internal;

import cn.yichang.edge.hj212.config.Hj212Config;
import cn.yichang.edge.report.PointDeadband;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The ConfigAdmin configurations a site becomes; pure, so the mapping is tested without OSGi. */
final class SiteConfigurations {

  static final String PROFILE_PID = "cn.yichang.edge.profile";
  static final String GATEWAY_PID = "cn.yichang.edge.gateway";
  static final String BUS_FACTORY_PID = "cn.yichang.edge.bus";
  static final String STORE_PID = "cn.yichang.edge.store";
  static final String UPLINK_PID = "cn.yichang.edge.uplink";
  static final String TELEMETRY_PID = "cn.yichang.edge.kura.telemetry";
  static final String READING_PID = "cn.yichang.edge.reading";
  static final String COMMAND_PID = "cn.yichang.edge.remote.command";
  static final String GPIO_PID = "cn.yichang.edge.gpio";
  static final String REMOTE_PID = "cn.yichang.edge.remote";
  static final String HJ212_FACTORY_PID = Hj212Config.PID;

  /** Singleton PIDs that exist only when the site file has their section. */
  static final Set<String> OWNED_SINGLETON_PIDS =
      Set.of(STORE_PID, TELEMETRY_PID, UPLINK_PID, COMMAND_PID, GPIO_PID, REMOTE_PID);

  /** Factory PIDs whose configurations the site file owns: those not in it are deleted. */
  static final Set<String> OWNED_FACTORY_PIDS = ownedFactoryPids();

  /**
   * One configuration: a singleton when {@code factoryPid} is null ({@code name} is then its PID),
   * otherwise the named factory configuration {@code factoryPid~name}.
   */
  record Desired(
      String factoryPid, String name, Map<String, Object> properties, Map<String, String> fields) {
    Desired {
      properties = Map.copyOf(properties);
      fields = Map.copyOf(fields);
    }

    Desired(String factoryPid, String name, Map<String, Object> properties) {
      this(factoryPid, name, properties, Map.of());
    }

    Desired(String factoryPid, String name, Props props) {
      this(factoryPid, name, props.values, props.fields);
    }

    static Desired singleton(String pid, Map<String, Object> properties) {
      return new Desired(null, pid, properties);
    }

    static Desired singleton(String pid, Props props) {
      return new Desired(null, pid, props);
    }

    /**
     * The site file's field a property comes from (e.g. {@code uplink.reconnect-min} for {@code
     * reconnect.min.ms}), so that a component's refusal of it points at the installer's line.
     */
    String field(String property) {
      return fields.getOrDefault(property, fields.getOrDefault("", ""));
    }

    @Override
    public String toString() {
      return factoryPid == null ? name : factoryPid + "~" + name;
    }
  }

  private SiteConfigurations() {}

  /**
   * @param distributionProfiles the distribution's profile directory, searched last; null for none
   * @param stateDir where the buffer lives unless the site file says otherwise
   */
  static List<Desired> of(Site site, Path distributionProfiles, Path stateDir) {
    List<Desired> configs = new ArrayList<>();
    // First, so that the publisher is configured before any device can take a reading: with a
    // buffer, acquisition waits for the way into it, and no reading is taken that could not be
    // kept.
    configs.add(
        Desired.singleton(
            READING_PID,
            new Props(site.store() == null ? "" : "store")
                .put("buffer.cardinality.minimum", site.store() == null ? 0 : 1, "")));
    configs.add(
        Desired.singleton(
            PROFILE_PID,
            new Props("").put("dirs", profileDirs(site, distributionProfiles), "profile-dirs")));
    configs.add(
        Desired.singleton(
            GATEWAY_PID,
            new Props("gateway")
                .put(SiteSchema.Gateway.ID, site.gateway().id())
                .put(SiteSchema.Gateway.ACCOUNT, site.gateway().account())));
    for (int i = 0; i < site.buses().size(); i++) {
      Site.Bus b = site.buses().get(i);
      Props p =
          new Props("buses[" + i + "]")
              .put(SiteSchema.Bus.ID, b.id())
              .put(SiteSchema.Bus.PORT, b.port())
              .put(SiteSchema.Bus.BAUD, b.baud())
              .put(SiteSchema.Bus.PARITY, b.parity())
              .put(SiteSchema.Bus.DATA_BITS, b.dataBits())
              .put(SiteSchema.Bus.STOP_BITS, b.stopBits())
              .put(SiteSchema.Bus.RESPONSE_TIMEOUT, b.responseTimeout());
      configs.add(new Desired(BUS_FACTORY_PID, b.id(), p));
    }
    for (int i = 0; i < site.devices().size(); i++) {
      Site.Device d = site.devices().get(i);
      Props p = new Props("devices[" + i + "]");
      if (d.pin() != null) {
        gpioDevice(d, p);
      } else {
        busDevice(d, p);
      }
      String factoryPid =
          DeviceFactories.factoryPid(d.protocol())
              .orElseThrow(
                  () -> new IllegalArgumentException("no component reads " + d.protocol()));
      configs.add(new Desired(factoryPid, d.id(), p));
    }
    if (site.gpio() != null) {
      configs.add(Desired.singleton(GPIO_PID, gpio(site.gpio(), stateDir)));
    }
    if (site.store() != null) {
      configs.add(Desired.singleton(STORE_PID, store(site.store(), stateDir, site.hj212())));
      // The Kura destination's way into the buffer exists with the buffer, uplink or not: a site
      // run before its platform exists keeps its readings for it.
      configs.add(Desired.singleton(TELEMETRY_PID, telemetry(site, stateDir)));
    }
    for (int i = 0; i < site.hj212().size(); i++) {
      Site.Hj212 h = site.hj212().get(i);
      configs.add(new Desired(HJ212_FACTORY_PID, h.id(), hj212(h, i, site, stateDir)));
    }
    if (site.uplink() != null) {
      configs.add(Desired.singleton(UPLINK_PID, uplink(site.uplink(), site.gateway())));
      // Remote management exists with an uplink only (its defaults serve): without one it would
      // wait for a control channel forever and show as a waiting component.
      configs.add(Desired.singleton(REMOTE_PID, new Props("uplink")));
    }
    if (site.remote() != null && !site.remote().commands().isEmpty()) {
      // CMD-V1 exists only with this configuration: no commands listed, no command runs
      configs.add(
          Desired.singleton(
              COMMAND_PID,
              new Props("remote")
                  .put(SiteSchema.Remote.COMMANDS, site.remote().commands())
                  .put(SiteSchema.Remote.COMMAND_TIMEOUT, site.remote().commandTimeout())
                  .put(SiteSchema.Remote.COMMAND_OUTPUT, site.remote().commandOutputBytes())));
    }
    return configs;
  }

  private static void busDevice(Site.Device d, Props p) {
    p.put(SiteSchema.Device.ID, d.id())
        .put(SiteSchema.Device.PROFILE, d.profile())
        .put(SiteSchema.Device.BUS, d.bus())
        .put(SiteSchema.Device.POLL, d.poll())
        .put(SiteSchema.Device.BUS_TARGET, SiteSchema.Device.busTarget(d.bus()), "bus");
    // a Modbus unit; the serial protocols address no unit and declare none
    if (d.unit() != 0) {
      p.put(SiteSchema.Device.UNIT, d.unit());
    }
  }

  /** An empty pull is the profile's default. */
  private static void gpioDevice(Site.Device d, Props p) {
    p.put(SiteSchema.Device.ID, d.id())
        .put(SiteSchema.Device.PROFILE, d.profile())
        .putIn("gpio", SiteSchema.Pin.PIN, d.pin().pin())
        .putIn("gpio", SiteSchema.Pin.PULL, d.pin().pull())
        .put(SiteSchema.Device.POLL, d.poll());
  }

  /** Pulse counts go to the state directory; an empty script is none. */
  private static Props gpio(Site.Gpio g, Path stateDir) {
    return new Props("gpio")
        .put(SiteSchema.Gpio.PROVIDER, g.provider())
        .put(SiteSchema.Gpio.SCRIPT, g.script())
        .put(SiteSchema.Gpio.SCRIPT_SCALE, g.scriptScale())
        .put("state.dir", stateDir.toAbsolutePath().normalize().toString(), "");
  }

  /** The codes of the listed devices' points as {@code DEVICE/POINT=CODE}, in site order. */
  private static Props hj212(Site.Hj212 h, int i, Site site, Path stateDir) {
    List<String> codes = new ArrayList<>();
    for (Site.Device d : site.devices()) {
      if (h.devices().contains(d.id())) {
        d.pollutantCodes().forEach((point, code) -> codes.add(d.id() + "/" + point + "=" + code));
      }
    }
    return new Props("hj212[" + i + "]")
        .put(SiteSchema.Hj212.ID, h.id())
        .put(SiteSchema.Hj212.URL, h.url())
        .put(SiteSchema.Hj212.ALLOW_PLAINTEXT, h.allowPlaintext())
        .put(SiteSchema.Hj212.MN, h.mn())
        .put(SiteSchema.Hj212.PASSWORD, h.password())
        .put(SiteSchema.Hj212.ST, h.st())
        .put(SiteSchema.Hj212.REALTIME, h.realtime())
        .put(SiteSchema.Hj212.MINUTE, h.minute())
        .put(SiteSchema.Hj212.ACK, h.ack())
        .put(SiteSchema.Hj212.TIMEOUT, h.timeout())
        .put(SiteSchema.Hj212.RETRIES, h.retries())
        .put(SiteSchema.Hj212.DEVICES, h.devices())
        .put(SiteSchema.Hj212.MAINTENANCE, h.maintenance())
        .put(SiteSchema.Hj212.CALIBRATION, h.calibration())
        .put(SiteSchema.Hj212.TIME_ZONE, h.timeZone())
        .put("codes", codes.toArray(String[]::new), "devices")
        .put("state.dir", stateDir.toAbsolutePath().normalize().toString(), "")
        .put("store.target", "(destination=" + h.id() + ")", "id");
  }

  private static Props store(Site.Store s, Path stateDir, List<Site.Hj212> platforms) {
    Path path = s.path() != null ? s.path() : stateDir.resolve("buffer.db");
    return new Props("store")
        .put(SiteSchema.Store.PATH, path.toAbsolutePath().normalize())
        .put(SiteSchema.Store.MAX_MB, s.maxMb())
        .put(SiteSchema.Store.COMMIT_INTERVAL, s.commitInterval())
        .put(SiteSchema.Store.COMMIT_MAX_MESSAGES, s.commitMaxMessages())
        // a queue per destination: the Kura platform's, and each hj212: platform's
        .put("destinations", destinations(platforms), "");
  }

  /** Deadbands as {@code DEVICE/POINT=BAND}, in site order. */
  private static Props telemetry(Site site, Path stateDir) {
    List<String> bands = new ArrayList<>();
    for (Site.Device d : site.devices()) {
      d.deadbands()
          .forEach((point, band) -> bands.add(new PointDeadband(d.id(), point, band).toString()));
    }
    Site.Report report = site.report();
    return new Props("report")
        .putField("account", site.gateway().account(), "gateway.account")
        .putField("client.id", site.gateway().id(), "gateway.id")
        .putField(
            "app.id",
            site.uplink() == null ? SiteSchema.Uplink.APP_ID.defaultValue() : site.uplink().appId(),
            "uplink.app-id")
        .put(SiteSchema.Report.MODE, report.mode())
        .put(SiteSchema.Report.HEARTBEAT, report.heartbeat())
        .putField("report.deadband", bands.toArray(String[]::new), "devices")
        .put("state.dir", stateDir.toAbsolutePath().normalize().toString(), "");
  }

  /** Absent TLS files are empty strings: ConfigAdmin has no null values. */
  private static Props uplink(Site.Uplink u, Site.Gateway gateway) {
    Site.Tls tls = u.tls();
    return new Props("uplink")
        .put(SiteSchema.Uplink.URL, u.url())
        .put(SiteSchema.Uplink.PROTOCOL, u.protocol())
        .putIn("tls", SiteSchema.Tls.CA, tls == null ? null : tls.ca())
        .putIn("tls", SiteSchema.Tls.CERT, tls == null ? null : tls.cert())
        .putIn("tls", SiteSchema.Tls.KEY, tls == null ? null : tls.key())
        .putIn("tls", SiteSchema.Tls.P12, tls == null ? null : tls.p12())
        .putIn("tls", SiteSchema.Tls.PASSWORD, tls == null ? null : tls.password())
        .putIn(
            "tls",
            SiteSchema.Tls.ALLOW_LOOSE_PERMISSIONS,
            tls != null && tls.allowLoosePermissions())
        .put(SiteSchema.Uplink.ALLOW_PLAINTEXT, u.allowPlaintext())
        .putField("account", gateway.account(), "gateway.account")
        .putField("client.id", gateway.id(), "gateway.id")
        .put(SiteSchema.Uplink.APP_ID, u.appId())
        .put(SiteSchema.Uplink.IN_FLIGHT, u.inFlight())
        .put(SiteSchema.Uplink.KEEPALIVE, u.keepalive())
        .put(SiteSchema.Uplink.RECONNECT_MIN, u.reconnectMin())
        .put(SiteSchema.Uplink.RECONNECT_MAX, u.reconnectMax())
        .put(SiteSchema.Uplink.MAX_MESSAGE, u.maxMessage() == 0 ? null : u.maxMessage());
  }

  /**
   * A configuration's properties with the site field each comes from; a property without a key of
   * its own (a default, a derived value) is the section's.
   */
  static final class Props {
    private final String section;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    Props(String section) {
      this.section = section;
      fields.put("", section);
    }

    /** A key's property, from the section's key. */
    <T> Props put(SiteKey<T> key, T value) {
      return put(key.property(), key.toProperty(value), key.key());
    }

    /** A key's property, from a mapping within the section ({@code tls}). */
    <T> Props putIn(String mapping, SiteKey<T> key, T value) {
      return put(key.property(), key.toProperty(value), mapping + "." + key.key());
    }

    /** {@code key} from the section's {@code field}; "" for the section itself. */
    Props put(String key, Object value, String field) {
      return putField(key, value, field.isEmpty() ? section : join(section, field));
    }

    /** {@code key} from a field of another section, named in full. */
    Props putField(String key, Object value, String fullField) {
      values.put(key, value);
      fields.put(key, fullField);
      return this;
    }

    private static String join(String section, String field) {
      return section.isEmpty() ? field : section + "." + field;
    }
  }

  private static String[] profileDirs(Site site, Path distributionProfiles) {
    Stream<Path> dirs = site.profileDirs().stream();
    if (distributionProfiles != null) {
      dirs = Stream.concat(dirs, Stream.of(distributionProfiles));
    }
    return dirs.map(d -> d.toAbsolutePath().normalize().toString()).toArray(String[]::new);
  }

  private static String[] destinations(List<Site.Hj212> platforms) {
    List<String> d = new ArrayList<>(List.of("uplink"));
    platforms.forEach(p -> d.add(p.id()));
    return d.toArray(String[]::new);
  }

  private static Set<String> ownedFactoryPids() {
    Set<String> pids = new LinkedHashSet<>();
    pids.add(BUS_FACTORY_PID);
    pids.add(HJ212_FACTORY_PID);
    pids.addAll(DeviceFactories.FACTORY_PID_BY_PROTOCOL.values());
    return Set.copyOf(pids);
  }
}
