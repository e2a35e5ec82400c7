package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.DeadbandsReader;
import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.profile.yaml.PollutantCodes;
import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.profile.yaml.ProfileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds each device's profile, reporting a missing or invalid one once per profile id. */
final class DeviceProfileResolver {
  private final Problems profileErrors;
  private final List<Path> searched;
  private final ProfileDirectories directories;
  private final Map<String, Lookup> lookups = new HashMap<>();

  /**
   * @param distributionProfiles searched after the site's own directories; null for none
   * @param profileErrors where the problems of invalid profiles go, once per profile
   */
  DeviceProfileResolver(List<Path> siteDirs, Path distributionProfiles, Problems profileErrors) {
    this.profileErrors = profileErrors;
    List<Path> dirs = new ArrayList<>(siteDirs);
    if (distributionProfiles != null) {
      dirs.add(distributionProfiles);
    }
    this.searched = List.copyOf(dirs);
    this.directories = new ProfileDirectories(searched);
  }

  List<Site.Device> resolve(List<SiteReader.DeviceEntry> entries) {
    List<Site.Device> devices = new ArrayList<>();
    Map<String, List<String>> devicesByBus = new HashMap<>();
    entries.forEach(
        e ->
            devicesByBus
                .computeIfAbsent(e.device().bus(), b -> new ArrayList<>())
                .add(e.device().id()));
    for (SiteReader.DeviceEntry e : entries) {
      Site.Device d = e.device();
      profileOf(e.reader(), d.profile())
          .filter(profile -> fitsItsWiring(e.reader(), d, profile))
          .ifPresent(
              profile -> {
                if (d.pin() == null) {
                  checkUnit(e.reader(), d, profile.protocol());
                  checkStreamsAlone(e.reader(), d, profile, devicesByBus.get(d.bus()));
                }
                Map<String, String> codes = pollutantCodes(e, profile);
                devices.add(
                    d.withProtocol(profile.protocol())
                        .withDeadbands(deadbands(e, profile))
                        .withPollutantCodes(codes, units(profile)));
              });
    }
    return devices;
  }

  /** The profile's default deadbands, overridden by the device's {@code report: {deadband:}}. */
  private static Map<String, String> deadbands(SiteReader.DeviceEntry e, DeviceProfile profile) {
    Map<String, String> bands = new LinkedHashMap<>(profile.deadbands());
    if (e.report() != null) {
      bands.putAll(DeadbandsReader.read(e.report(), profile.pointNames()));
      e.report().finish();
    }
    return bands;
  }

  /**
   * The profile's pollutant codes, overridden by the device's {@code hj212: {POINT: CODE}}; {@code
   * none} takes a point's code away.
   */
  private static Map<String, String> pollutantCodes(
      SiteReader.DeviceEntry e, DeviceProfile profile) {
    Map<String, String> codes = new LinkedHashMap<>(profile.pollutantCodes());
    MappingReader r = e.hj212();
    if (r == null) {
      return inPointOrder(codes, profile);
    }
    for (String point : r.keys()) {
      r.string(point)
          .ifPresent(
              code -> {
                if (!profile.pointNames().contains(point)) {
                  r.problem(
                      point,
                      "no point \""
                          + point
                          + "\" (points: "
                          + String.join(", ", profile.pointNames())
                          + ")");
                } else if (code.equals("none")) {
                  codes.remove(point);
                } else {
                  PollutantCodes.check(r, point, code).ifPresent(c -> codes.put(point, c));
                }
              });
    }
    r.finish();
    return inPointOrder(codes, profile);
  }

  /** In the profile's order: the order of the groups the platform receives. */
  private static Map<String, String> inPointOrder(Map<String, String> codes, DeviceProfile p) {
    Map<String, String> ordered = new LinkedHashMap<>();
    p.pointNames().stream().filter(codes::containsKey).forEach(n -> ordered.put(n, codes.get(n)));
    return ordered;
  }

  /** The units of the points: a Modbus profile's; null where a profile does not say. */
  private static Map<String, String> units(DeviceProfile profile) {
    Map<String, String> units = new LinkedHashMap<>();
    for (String point : profile.pointNames()) {
      units.put(
          point,
          profile.points().stream()
              .filter(p -> p.name().equals(point))
              .findFirst()
              .map(p -> p.unit() == null ? "" : p.unit())
              .orElse(null));
    }
    return units;
  }

  /** A Modbus device needs its unit; the other protocols have none. */
  private void checkUnit(MappingReader r, Site.Device d, String protocol) {
    boolean modbus = protocol.equals(ProfileReader.MODBUS_RTU);
    if (modbus && !r.has("unit")) {
      r.problem("unit", "missing (required for a " + protocol + " device)");
    } else if (!modbus && r.has("unit")) {
      r.problem(
          "unit", "only for modbus-rtu devices; profile " + d.profile() + " uses " + protocol);
    }
  }

  /** A device that talks without being asked needs its port alone. */
  private void checkStreamsAlone(
      MappingReader r, Site.Device d, DeviceProfile profile, List<String> onItsBus) {
    if (profile.spec() == null || !profile.spec().streams() || onItsBus.size() <= 1) {
      return;
    }
    r.problem(
        "bus",
        "profile "
            + d.profile()
            + " streams without being asked: it needs its port alone, but bus "
            + d.bus()
            + " also has "
            + String.join(", ", onItsBus.stream().filter(other -> !other.equals(d.id())).toList()));
  }

  /** A gpio profile for a device with a pin, a bus profile for one on a bus; a needed pull. */
  private boolean fitsItsWiring(MappingReader r, Site.Device d, DeviceProfile profile) {
    boolean gpioProfile = profile.protocol().equals(DeviceFactories.GPIO);
    if (d.pin() == null && gpioProfile) {
      r.problem(
          "gpio",
          "missing: profile \""
              + d.profile()
              + "\" is a gpio device: give gpio: {pin: N, pull: up|down|off} instead of bus and"
              + " unit");
      return false;
    }
    if (d.pin() != null && !gpioProfile) {
      r.problem(
          "gpio",
          "profile \""
              + d.profile()
              + "\" is a "
              + profile.protocol()
              + " device: give bus and unit instead of gpio");
      return false;
    }
    if (d.pin() != null && profile.spec() instanceof GpioSpec spec) {
      String problem = GpioSiteSection.pullProblem(d.pin(), spec);
      if (problem != null) {
        r.problem("gpio", "pull " + problem);
        return false;
      }
    }
    return true;
  }

  private Optional<DeviceProfile> profileOf(MappingReader r, String id) {
    boolean first = !lookups.containsKey(id);
    Lookup lookup = lookups.computeIfAbsent(id, this::lookup);
    if (lookup.problem() != null) {
      r.problem("profile", lookup.problem());
    }
    if (first) {
      profileErrors.addAll(lookup.profileProblems());
    }
    return Optional.ofNullable(lookup.profile());
  }

  private Lookup lookup(String id) {
    Optional<Path> found = directories.locate(id);
    if (found.isEmpty()) {
      String where =
          searched.isEmpty()
              ? "no profile directories are configured"
              : "looked for "
                  + id
                  + ".yaml in "
                  + searched.stream().map(Path::toString).collect(Collectors.joining(", "));
      return new Lookup(null, "no profile \"" + id + "\": " + where, List.of());
    }
    try {
      DeviceProfile profile = ProfileReader.read(found.get(), id);
      if (DeviceFactories.factoryPid(profile.protocol()).isEmpty()) {
        return new Lookup(
            null,
            "profile \""
                + id
                + "\" uses protocol "
                + profile.protocol()
                + ", which this gateway cannot read",
            List.of());
      }
      return new Lookup(profile, null, List.of());
    } catch (ProfileException e) {
      int n = e.problems().size();
      return new Lookup(
          null,
          "profile \""
              + id
              + "\" ("
              + found.get()
              + ") is invalid: "
              + n
              + (n == 1 ? " problem" : " problems")
              + ", reported with its lines",
          e.problems());
    }
  }

  /** The protocol of a usable profile, or what is wrong with it. */
  private record Lookup(DeviceProfile profile, String problem, List<Problem> profileProblems) {}
}
