package cn.yichang.edge.site.internal;

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
  static final String READING_PID = "cn.yichang.edge.reading";
  static final String COMMAND_PID = "cn.yichang.edge.remote.command";
  static final String GPIO_PID = "cn.yichang.edge.gpio";
  static final String REMOTE_PID = "cn.yichang.edge.remote";

  /** Singleton PIDs that exist only when the site file has their section. */
  static final Set<String> OWNED_SINGLETON_PIDS =
      Set.of(STORE_PID, UPLINK_PID, COMMAND_PID, GPIO_PID, REMOTE_PID);

  /** Factory PIDs whose configurations the site file owns: those not in it are deleted. */
  static final Set<String> OWNED_FACTORY_PIDS = ownedFactoryPids();

  /**
   * One configuration: a singleton when {@code factoryPid} is null ({@code name} is then its PID),
   * otherwise the named factory configuration {@code factoryPid~name}.
   */
  record Desired(String factoryPid, String name, Map<String, Object> properties) {
    Desired {
      properties = Map.copyOf(properties);
    }

    static Desired singleton(String pid, Map<String, Object> properties) {
      return new Desired(null, pid, properties);
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
    // First, so that the publisher is configured before any device can take a reading: with an
    // uplink, acquisition waits for the buffer, and no reading is taken that could not be kept.
    configs.add(
        Desired.singleton(
            READING_PID, Map.of("buffer.cardinality.minimum", site.uplink() == null ? 0 : 1)));
    configs.add(
        Desired.singleton(PROFILE_PID, Map.of("dirs", profileDirs(site, distributionProfiles))));
    configs.add(
        Desired.singleton(
            GATEWAY_PID, Map.of("id", site.gateway().id(), "account", site.gateway().account())));
    for (Site.Bus b : site.buses()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", b.id());
      p.put("port", b.port());
      p.put("baud", b.baud());
      p.put("parity", b.parity());
      p.put("data.bits", b.dataBits());
      p.put("stop.bits", b.stopBits());
      p.put("response.timeout.ms", b.responseTimeout().toMillis());
      configs.add(new Desired(BUS_FACTORY_PID, b.id(), p));
    }
    for (Site.Device d : site.devices()) {
      Map<String, Object> p = d.pin() != null ? gpioDevice(d) : busDevice(d);
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
      configs.add(Desired.singleton(STORE_PID, store(site.store(), stateDir)));
    }
    if (site.uplink() != null) {
      configs.add(Desired.singleton(UPLINK_PID, uplink(site.uplink(), site.gateway())));
      // Remote management exists with an uplink only (its defaults serve): without one it would
      // wait for a control channel forever and show as a waiting component.
      configs.add(Desired.singleton(REMOTE_PID, Map.of()));
    }
    if (site.remote() != null && !site.remote().commands().isEmpty()) {
      // CMD-V1 exists only with this configuration: no commands listed, no command runs
      configs.add(
          Desired.singleton(
              COMMAND_PID,
              Map.of(
                  "allow", site.remote().commands().toArray(String[]::new),
                  "timeout.ms", site.remote().commandTimeout().toMillis(),
                  "output.bytes", site.remote().commandOutputBytes())));
    }
    return configs;
  }

  private static Map<String, Object> busDevice(Site.Device d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", d.id());
    p.put("profile", d.profile());
    p.put("bus", d.bus());
    p.put("unit", d.unit());
    p.put("poll.ms", d.poll().toMillis());
    p.put("bus.target", "(bus.id=" + d.bus() + ")");
    return p;
  }

  /** An empty pull is the profile's default. */
  private static Map<String, Object> gpioDevice(Site.Device d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", d.id());
    p.put("profile", d.profile());
    p.put("pin", d.pin().pin());
    p.put("pull", d.pin().pull() == null ? "" : d.pin().pull());
    p.put("poll.ms", d.poll().toMillis());
    return p;
  }

  /** Pulse counts go to the state directory; an empty script is none. */
  private static Map<String, Object> gpio(Site.Gpio g, Path stateDir) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("provider", g.provider());
    p.put("script", text(g.script()));
    p.put("script.scale", g.scriptScale());
    p.put("state.dir", stateDir.toAbsolutePath().normalize().toString());
    return p;
  }

  private static Map<String, Object> store(Site.Store s, Path stateDir) {
    Path path = s.path() != null ? s.path() : stateDir.resolve("buffer.db");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("path", path.toAbsolutePath().normalize().toString());
    p.put("max.mb", s.maxMb());
    p.put("commit.interval.ms", s.commitInterval().toMillis());
    p.put("commit.max.messages", s.commitMaxMessages());
    return p;
  }

  /** Absent TLS files are empty strings: ConfigAdmin has no null values. */
  private static Map<String, Object> uplink(Site.Uplink u, Site.Gateway gateway) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("url", u.url());
    p.put("protocol", u.protocol());
    p.put("tls.ca", text(u.tls() == null ? null : u.tls().ca()));
    p.put("tls.cert", text(u.tls() == null ? null : u.tls().cert()));
    p.put("tls.key", text(u.tls() == null ? null : u.tls().key()));
    p.put("tls.p12", text(u.tls() == null ? null : u.tls().p12()));
    p.put("tls.password", u.tls() == null ? "" : u.tls().password());
    p.put("tls.allow.loose.permissions", u.tls() != null && u.tls().allowLoosePermissions());
    p.put("allow.plaintext", u.allowPlaintext());
    p.put("account", gateway.account());
    p.put("client.id", gateway.id());
    p.put("app.id", u.appId());
    p.put("in.flight", u.inFlight());
    p.put("keepalive.s", (int) u.keepalive().toSeconds());
    p.put("reconnect.min.ms", u.reconnectMin().toMillis());
    p.put("reconnect.max.ms", u.reconnectMax().toMillis());
    p.put("max.message", u.maxMessage());
    return p;
  }

  private static String text(Path path) {
    return path == null ? "" : path.toString();
  }

  private static String[] profileDirs(Site site, Path distributionProfiles) {
    Stream<Path> dirs = site.profileDirs().stream();
    if (distributionProfiles != null) {
      dirs = Stream.concat(dirs, Stream.of(distributionProfiles));
    }
    return dirs.map(d -> d.toAbsolutePath().normalize().toString()).toArray(String[]::new);
  }

  private static Set<String> ownedFactoryPids() {
    Set<String> pids = new LinkedHashSet<>();
    pids.add(BUS_FACTORY_PID);
    pids.addAll(DeviceFactories.FACTORY_PID_BY_PROTOCOL.values());
    return Set.copyOf(pids);
  }
}
