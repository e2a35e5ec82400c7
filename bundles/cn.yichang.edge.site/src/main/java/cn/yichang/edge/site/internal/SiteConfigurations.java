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
   */
  static List<Desired> of(Site site, Path distributionProfiles) {
    List<Desired> configs = new ArrayList<>();
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
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", d.id());
      p.put("profile", d.profile());
      p.put("bus", d.bus());
      p.put("unit", d.unit());
      p.put("poll.ms", d.poll().toMillis());
      p.put("bus.target", "(bus.id=" + d.bus() + ")");
      String factoryPid =
          DeviceFactories.factoryPid(d.protocol())
              .orElseThrow(
                  () -> new IllegalArgumentException("no component reads " + d.protocol()));
      configs.add(new Desired(factoryPid, d.id(), p));
    }
    return configs;
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
