package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a site file and checks it, its cross references and every profile it names, collecting all
 * problems. Runs without OSGi: {@link ValidateCommand} uses it on a plain class path.
 */
final class SiteReader {

  /** Ids name configurations and go into LDAP filters: no spaces, parentheses or wildcards. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final String ID_RULE =
      "an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private final Path file;
  private final Path distributionProfiles;
  private final Problems errors = new Problems();
  private final Problems warnings = new Problems();

  /** Problems of the profiles the site names, each profile's once, after the site's own. */
  private final Problems profileErrors = new Problems();

  private final Map<String, Integer> busLines = new HashMap<>();
  private final Map<String, Integer> deviceLines = new HashMap<>();
  private final Map<String, Map<Integer, String>> unitsByBus = new HashMap<>();
  private final GpioSiteSection gpio = new GpioSiteSection();

  private SiteReader(Path file, Path distributionProfiles) {
    this.file = file;
    this.distributionProfiles = distributionProfiles;
  }

  /**
   * @param distributionProfiles the distribution's profile directory, searched after the site's
   *     own; null for none
   */
  static SiteReport read(Path file, Path distributionProfiles) {
    return new SiteReader(file, distributionProfiles).read();
  }

  private SiteReport read() {
    Optional<Node> node = YamlFiles.compose(file, errors);
    Optional<MappingReader> root = node.flatMap(n -> MappingReader.of(file, n, "", errors));
    if (root.isEmpty()) {
      return new SiteReport(null, errors.list(), warnings.list());
    }
    MappingReader r = root.get();
    Optional<Site.Gateway> gateway = gateway(r);
    List<Path> profileDirs = profileDirs(r);
    List<Site.Bus> buses = new ArrayList<>();
    r.eachMapping("buses", b -> bus(b).ifPresent(buses::add));
    List<DeviceEntry> devices = new ArrayList<>();
    r.eachMapping("devices", d -> device(d).ifPresent(devices::add));
    SiteSections sections = new SiteSections(r);
    Optional<Site.Uplink> uplink = sections.uplink();
    Optional<Site.Store> store = sections.store();
    Optional<Site.Remote> remote = sections.remote();
    Optional<Site.Gpio> gpioSection = gpio.section(r);
    Optional<Site.Report> report = sections.report();
    Hj212SiteSection hj212 = new Hj212SiteSection(r);
    List<Hj212SiteSection.Entry> platforms = hj212.read();
    if (store.isPresent() && !r.has("uplink")) {
      warnings.add(
          new Problem(
              file,
              r.line("store"),
              "store",
              "no uplink: readings are buffered until an uplink: is added, then sent oldest first"));
    }
    r.finish();
    List<Site.Device> resolved =
        new DeviceProfileResolver(profileDirs, distributionProfiles, profileErrors)
            .resolve(devices);
    hj212.check(platforms, resolved, warnings);
    if (!errors.isEmpty() || !profileErrors.isEmpty()) {
      List<Problem> all = new ArrayList<>(errors.inLineOrder());
      all.addAll(profileErrors.list());
      return new SiteReport(null, all, warnings.list());
    }
    Site site =
        new Site(
            file,
            gateway.orElseThrow(),
            profileDirs,
            buses,
            resolved,
            uplink.orElse(null),
            store.orElse(uplink.isPresent() || !platforms.isEmpty() ? Site.Store.defaults() : null),
            remote.orElse(null),
            gpioSection.orElse(
                resolved.stream().anyMatch(d -> d.pin() != null) ? Site.Gpio.defaults() : null),
            report.orElse(Site.Report.defaults()),
            platforms.stream().map(Hj212SiteSection.Entry::platform).toList());
    return new SiteReport(site, List.of(), warnings.list(), SiteLines.of(node.get()));
  }

  private Optional<Site.Gateway> gateway(MappingReader r) {
    Optional<Site.Gateway> gateway =
        r.node("gateway")
            .flatMap(n -> MappingReader.of(file, n, "gateway", errors))
            .flatMap(
                g -> {
                  Optional<String> id = SiteSchema.Gateway.ID.read(g);
                  Optional<String> account = SiteSchema.Gateway.ACCOUNT.read(g);
                  g.finish();
                  id.ifPresent(v -> checkId(g, "id", v));
                  return id.isPresent() && account.isPresent()
                      ? Optional.of(new Site.Gateway(id.get(), account.get()))
                      : Optional.empty();
                });
    if (!r.has("gateway")) {
      r.problem("gateway", "missing (required)");
    }
    return gateway;
  }

  private List<Path> profileDirs(MappingReader r) {
    // Relative to the site file, and shown as the user named the file; made absolute for
    // ConfigAdmin.
    Path base = file.getParent() == null ? Path.of("") : file.getParent();
    List<Path> dirs = new ArrayList<>();
    for (String dir : r.strings("profile-dirs")) {
      Path resolved = base.resolve(dir).normalize();
      dirs.add(resolved);
      if (!Files.isDirectory(resolved)) {
        warnings.add(
            new Problem(
                file, r.line("profile-dirs"), "profile-dirs", resolved + " is not a directory"));
      }
    }
    return dirs;
  }

  /**
   * Stricter than the bus's activation ({@code SerialBusComponent.settings}, {@code LineSettings}:
   * baud above 0, 5 to 8 data bits, 1 or 2 stop bits, a parity it knows), which refuses nothing
   * this accepts; the port is opened only when a device is polled, and a missing one is retried.
   */
  private Optional<Site.Bus> bus(MappingReader b) {
    Optional<String> id = SiteSchema.Bus.ID.read(b);
    Optional<String> type = SiteSchema.Bus.TYPE.read(b);
    Optional<String> port = SiteSchema.Bus.PORT.read(b);
    int baud = SiteSchema.Bus.BAUD.value(b);
    String parity = SiteSchema.Bus.PARITY.value(b);
    int dataBits = SiteSchema.Bus.DATA_BITS.value(b);
    int stopBits = SiteSchema.Bus.STOP_BITS.value(b);
    Duration timeout = SiteSchema.Bus.RESPONSE_TIMEOUT.value(b);
    b.finish();
    id.ifPresent(v -> checkUnique(b, "id", v, "bus", busLines));
    if (id.isEmpty() || type.isEmpty() || port.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Site.Bus(id.get(), type.get(), port.get(), baud, parity, dataBits, stopBits, timeout));
  }

  /**
   * With {@link DeviceProfileResolver}, at least as strict as the device components' activation
   * (Modbus: id, bus bound, profile found of its protocol, {@code RequestPlanner}'s one-request
   * points, which the profile reader already bounds, a poll above 0; serialproto the same without
   * the plan; GPIO: the profile's pull, {@code ConfiguredPull}), so validate needs no check of
   * theirs; the GPIO runtime's own (the event script) is run by validate.
   */
  private Optional<DeviceEntry> device(MappingReader d) {
    Optional<String> id = SiteSchema.Device.ID.read(d);
    Optional<String> profile = SiteSchema.Device.PROFILE.read(d);
    // A device is on a bus (bus; unit for Modbus, checked in resolve) or wired to a pin (gpio),
    // which its profile's protocol checks.
    boolean wired = d.has("gpio");
    Optional<String> bus =
        (wired ? SiteSchema.Device.BUS : SiteSchema.Device.BUS.required()).read(d);
    Optional<Integer> unit = SiteSchema.Device.UNIT.read(d);
    Duration poll = SiteSchema.Device.POLL.value(d);
    Optional<Site.GpioPin> pin = wired ? gpio.pin(d, id.orElse("?")) : Optional.empty();
    // the point names are the profile's: checked when it is resolved
    Optional<MappingReader> report =
        d.node("report").flatMap(n -> MappingReader.of(file, n, d.field("report"), errors));
    Optional<MappingReader> codes =
        d.node("hj212").flatMap(n -> MappingReader.of(file, n, d.field("hj212"), errors));
    d.finish();
    if (wired && (bus.isPresent() || unit.isPresent())) {
      d.problem(
          bus.isPresent() ? "bus" : "unit", "a device wired to a pin (gpio) has no bus or unit");
      return Optional.empty();
    }
    id.ifPresent(v -> checkUnique(d, "id", v, "device", deviceLines));
    if (profile.isPresent() && !ProfileDirectories.isValidId(profile.get())) {
      d.problem(
          "profile",
          "\""
              + profile.get()
              + "\" is not a profile id: a relative path like water/ph-orp, without .yaml");
      profile = Optional.empty();
    }
    if (bus.isPresent() && !busLines.containsKey(bus.get())) {
      d.problem(
          "bus",
          "no bus \""
              + bus.get()
              + "\" in this file"
              + (busLines.isEmpty() ? "" : " (buses: " + String.join(", ", busIds()) + ")"));
    } else if (bus.isPresent() && unit.isPresent()) {
      String other =
          unitsByBus
              .computeIfAbsent(bus.get(), k -> new HashMap<>())
              .putIfAbsent(unit.get(), id.orElse("?") + " (line " + d.line() + ")");
      if (other != null) {
        d.problem(
            "unit",
            "unit " + unit.get() + " is already used on bus " + bus.get() + " by device " + other);
      }
    }
    if (wired) {
      return id.isEmpty() || profile.isEmpty() || pin.isEmpty()
          ? Optional.empty()
          : Optional.of(
              new DeviceEntry(
                  d,
                  new Site.Device(
                      id.get(),
                      profile.get(),
                      null,
                      0,
                      poll,
                      null,
                      pin.get(),
                      Map.of(),
                      Map.of(),
                      Map.of()),
                  report.orElse(null),
                  codes.orElse(null)));
    }
    if (id.isEmpty() || profile.isEmpty() || bus.isEmpty() || (d.has("unit") && unit.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new DeviceEntry(
            d,
            new Site.Device(id.get(), profile.get(), bus.get(), unit.orElse(0), poll, null),
            report.orElse(null),
            codes.orElse(null)));
  }

  private List<String> busIds() {
    return busLines.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  private void checkUnique(
      MappingReader r, String key, String id, String what, Map<String, Integer> seen) {
    if (!checkId(r, key, id)) {
      return;
    }
    Integer first = seen.putIfAbsent(id, r.line(key));
    if (first != null) {
      r.problem(key, "duplicate " + what + " id \"" + id + "\" (first at line " + first + ")");
    }
  }

  private boolean checkId(MappingReader r, String key, String id) {
    if (ID.matcher(id).matches()) {
      return true;
    }
    r.problem(key, "\"" + id + "\" is not a valid id: " + ID_RULE);
    return false;
  }

  /**
   * A device read from the file, with the reader that locates its problems and those of its {@code
   * report:} and {@code hj212:} (null without one).
   */
  record DeviceEntry(
      MappingReader reader, Site.Device device, MappingReader report, MappingReader hj212) {}
}
