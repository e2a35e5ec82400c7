package cn.yichang.edge.rig;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rig file with the gateway's own line-aware YAML reader, so that every problem is reported
 * as {@code FILE:LINE: field: message}, all of them at once.
 */
public final class RigReader {

  private static final Map<String, Rig.ActionKind> ACTIONS = new LinkedHashMap<>();
  private static final Map<String, String> PARITIES =
      Map.of("none", "none", "even", "even", "odd", "odd");
  private static final Map<String, String> PULLS = Map.of("up", "up", "down", "down", "off", "off");

  /** What {@link #deviceBus} says for a device on a GPIO pin (no bus faults apply to it). */
  private static final String GPIO = "(gpio)";

  private static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(1);
  private static final Duration DEFAULT_NOISE_EVERY = Duration.ofSeconds(1);

  static {
    for (Rig.ActionKind kind : Rig.ActionKind.values()) {
      ACTIONS.put(kind.spelling(), kind);
    }
  }

  private final Path file;
  private final List<Path> distributionProfiles;
  private final Problems problems = new Problems();
  private final Map<String, String> deviceBus = new HashMap<>();
  private final java.util.Set<String> nonModbus = new java.util.HashSet<>();
  private final Set<String> busIds = new HashSet<>();

  private RigReader(Path file, List<Path> distributionProfiles) {
    this.file = file;
    this.distributionProfiles = distributionProfiles;
  }

  /** The rig, or the problems that keep it from running. */
  public record Result(Rig rig, List<Problem> problems) {
    public boolean ok() {
      return rig != null;
    }
  }

  /**
   * @param distributionProfiles profile directories searched after the rig's own (the
   *     distribution's {@code device-profiles/})
   */
  public static Result read(Path file, List<Path> distributionProfiles) {
    return new RigReader(file.toAbsolutePath().normalize(), distributionProfiles).read();
  }

  private Result read() {
    Optional<MappingReader> root =
        YamlFiles.compose(file, problems).flatMap(n -> MappingReader.of(file, n, "", problems));
    if (root.isEmpty()) {
      return new Result(null, problems.list());
    }
    MappingReader r = root.get();
    Optional<MappingReader> gateway =
        r.node("gateway").flatMap(n -> MappingReader.of(file, n, "gateway", problems));
    if (!r.has("gateway")) {
      r.problem("gateway", "missing (required)");
    }
    Optional<String> gatewayId = gateway.flatMap(g -> g.requiredString("id"));
    String account = gateway.flatMap(g -> g.string("account")).orElse("yichang");
    gateway.ifPresent(MappingReader::finish);
    List<Path> profileDirs = new ArrayList<>();
    Path base = file.getParent();
    r.strings("profile-dirs").forEach(d -> profileDirs.add(base.resolve(d).normalize()));
    Optional<Duration> duration = r.duration("duration");
    if (!r.has("duration")) {
      r.problem("duration", "missing (required)");
    }
    double shortFactor = r.decimal("short").orElse(0.5);
    if (shortFactor <= 0 || shortFactor > 1) {
      r.problem("short", "must be above 0 and at most 1 (the factor --short scales times by)");
    }
    List<Path> searched = new ArrayList<>(profileDirs);
    searched.addAll(distributionProfiles);
    ProfileDirectories profiles = new ProfileDirectories(searched);
    List<Rig.Bus> buses = new ArrayList<>();
    r.eachMapping("buses", b -> bus(b, profiles).ifPresent(buses::add));
    if (buses.isEmpty() && problems.isEmpty()) {
      r.problem("buses", "a rig needs at least one bus with a device");
    }
    Optional<Rig.Gpio> gpio =
        r.node("gpio")
            .flatMap(n -> MappingReader.of(file, n, "gpio", problems))
            .flatMap(g -> gpio(g, profiles));
    List<Rig.Action> timeline = new ArrayList<>();
    r.eachMapping("timeline", a -> action(a, duration.orElse(null)).ifPresent(timeline::add));
    r.finish();
    if (!problems.isEmpty() || gatewayId.isEmpty() || duration.isEmpty()) {
      return new Result(null, problems.inLineOrder());
    }
    String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Rig rig =
        new Rig(
            name,
            file,
            gatewayId.get(),
            account,
            profileDirs,
            duration.get(),
            shortFactor,
            buses,
            timeline,
            gpio.orElse(null));
    return new Result(rig, List.of());
  }

  private Optional<Rig.Bus> bus(MappingReader b, ProfileDirectories profiles) {
    Optional<String> id = b.requiredString("id");
    int baud = b.integer("baud", 300, 4_000_000).orElse(9600L).intValue();
    String parity = b.choice("parity", PARITIES).orElse("none");
    int dataBits = b.integer("data-bits", 7, 8).orElse(8L).intValue();
    int stopBits = b.integer("stop-bits", 1, 2).orElse(1L).intValue();
    List<Rig.Device> devices = new ArrayList<>();
    Map<Long, String> units = new HashMap<>();
    b.eachMapping(
        "devices", d -> device(d, id.orElse("?"), units, profiles).ifPresent(devices::add));
    b.finish();
    if (id.isPresent() && !busIds.add(id.get())) {
      b.problem("id", "bus \"" + id.get() + "\" is defined twice");
    }
    if (devices.isEmpty()) {
      b.problem("devices", "a bus needs at least one device");
    }
    if (devices.size() > 1 && devices.stream().anyMatch(d -> !d.modbus())) {
      b.problem(
          "devices",
          "an ascii-line or framed device is simulated on a bus of its own: no other device here");
    }
    return id.map(v -> new Rig.Bus(v, baud, parity, dataBits, stopBits, devices));
  }

  private Optional<Rig.Device> device(
      MappingReader d, String bus, Map<Long, String> units, ProfileDirectories profiles) {
    Optional<String> id = d.requiredString("id");
    Optional<String> profile = d.requiredString("profile");
    Optional<Long> unit = d.integer("unit", 1, 247); // for Modbus devices: checked below
    Duration poll = d.duration("poll").orElse(Duration.ofSeconds(10));
    d.finish();
    if (poll.toMillis() < 100) {
      d.problem("poll", "must be at least 100ms");
    }
    if (id.isPresent() && deviceBus.putIfAbsent(id.get(), bus) != null) {
      d.problem("id", "device \"" + id.get() + "\" is defined twice");
    }
    unit.ifPresent(
        u -> {
          String other = units.putIfAbsent(u, id.orElse("?"));
          if (other != null) {
            d.problem("unit", "unit " + u + " is already used on bus " + bus + " by " + other);
          }
        });
    Optional<DeviceProfile> found = profile.flatMap(p -> checkProfile(d, p, profiles));
    // A Modbus device has a unit; an ascii-line or framed device has none (unit 0 in Rig.Device).
    boolean modbus = found.map(p -> p.protocol().equals(ProfileReader.MODBUS_RTU)).orElse(true);
    if (modbus && unit.isEmpty() && !d.has("unit")) {
      d.problem("unit", "missing (required for a Modbus device)");
    } else if (!modbus && d.has("unit")) {
      d.problem(
          "unit", "only for Modbus devices; " + profile.get() + " is " + found.get().protocol());
    }
    if (id.isEmpty() || profile.isEmpty() || (modbus && unit.isEmpty())) {
      return Optional.empty();
    }
    if (!modbus) {
      nonModbus.add(id.get());
    }
    return Optional.of(
        new Rig.Device(id.get(), profile.get(), modbus ? unit.get().intValue() : 0, poll));
  }

  private Optional<DeviceProfile> checkProfile(
      MappingReader d, String profile, ProfileDirectories profiles) {
    if (!ProfileDirectories.isValidId(profile)) {
      d.problem("profile", "\"" + profile + "\" is not a profile id (like water/ph-orp)");
      return Optional.empty();
    }
    try {
      Optional<DeviceProfile> found = profiles.find(profile);
      if (found.isEmpty()) {
        d.problem("profile", "no profile \"" + profile + "\" in " + profiles.dirs());
      }
      return found;
    } catch (ProfileException e) {
      d.problem("profile", "profile \"" + profile + "\" is invalid: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code gpio: {script: FILE, devices: [{id, profile, pin, pull, poll}]}}. */
  private Optional<Rig.Gpio> gpio(MappingReader g, ProfileDirectories profiles) {
    Optional<Path> script = g.requiredString("script").map(s -> file.getParent().resolve(s));
    List<Rig.GpioDevice> devices = new ArrayList<>();
    Set<Long> pins = new HashSet<>();
    g.eachMapping(
        "devices",
        d -> {
          Optional<String> id = d.requiredString("id");
          Optional<String> profile = d.requiredString("profile");
          Optional<Long> pin = d.requiredInteger("pin", 0, 27);
          Optional<String> pull = d.choice("pull", PULLS);
          Duration poll = d.duration("poll").orElse(Duration.ofSeconds(10));
          d.finish();
          if (id.isPresent() && deviceBus.putIfAbsent(id.get(), GPIO) != null) {
            d.problem("id", "device \"" + id.get() + "\" is defined twice");
          }
          if (pin.isPresent() && !pins.add(pin.get())) {
            d.problem("pin", "GPIO " + pin.get() + " is used twice");
          }
          profile.ifPresent(p -> checkProfile(d, p, profiles));
          if (id.isPresent() && profile.isPresent() && pin.isPresent()) {
            devices.add(
                new Rig.GpioDevice(
                    id.get(), profile.get(), pin.get().intValue(), pull.orElse(null), poll));
          }
        });
    g.finish();
    if (script.isPresent() && !java.nio.file.Files.isRegularFile(script.get())) {
      g.problem("script", "no such file: " + script.get());
    }
    if (devices.isEmpty()) {
      g.problem("devices", "a gpio section needs at least one device");
    }
    return script.map(s -> new Rig.Gpio(s, 1.0, devices));
  }

  private Optional<Rig.Action> action(MappingReader a, Duration scenario) {
    Optional<Duration> at = a.duration("at");
    Optional<Rig.ActionKind> kind = a.requiredChoice("action", ACTIONS);
    Optional<Duration> length = a.duration("for");
    Optional<String> device = a.string("device");
    Optional<String> bus = a.string("bus");
    Optional<Duration> delay = a.duration("delay");
    Optional<Long> bytes = a.integer("bytes", 1, 256);
    Optional<Duration> every = a.duration("every");
    a.finish();
    if (!a.has("at")) {
      a.problem("at", "missing (required)");
    }
    if (!a.has("for")) {
      a.problem("for", "missing (required): how long the fault lasts");
    }
    if (kind.isEmpty() || at.isEmpty() || length.isEmpty()) {
      return Optional.empty();
    }
    Rig.ActionKind k = kind.get();
    String target = null;
    if (k.onDevice()) {
      target = device.orElse(null);
      if (device.isEmpty()) {
        a.problem("device", "missing (required by " + k.spelling() + ")");
      } else if (!deviceBus.containsKey(device.get())) {
        a.problem("device", "no device \"" + device.get() + "\" in this rig");
      } else if (deviceBus.get(device.get()).equals(GPIO)) {
        a.problem("device", "\"" + device.get() + "\" is on a GPIO pin: its script drives it");
      } else if (k != Rig.ActionKind.DEVICE_SILENT && nonModbus.contains(device.get())) {
        a.problem(
            "device",
            device.get() + " is an ascii-line or framed device: only device-silent applies");
      }
    } else if (device.isPresent()) {
      a.problem("device", "not used by " + k.spelling());
    }
    if (k == Rig.ActionKind.LINE_NOISE) {
      target = bus.orElse(null);
      if (bus.isEmpty()) {
        a.problem("bus", "missing (required by line-noise)");
      } else if (!busIds.contains(bus.get())) {
        a.problem("bus", "no bus \"" + bus.get() + "\" in this rig");
      }
    } else {
      notUsed(a, k, "bus", bus.isPresent());
      notUsed(a, k, "bytes", bytes.isPresent());
      notUsed(a, k, "every", every.isPresent());
    }
    if (k != Rig.ActionKind.DEVICE_SLOW) {
      notUsed(a, k, "delay", delay.isPresent());
    }
    if (every.isPresent() && every.get().toMillis() < 50) {
      a.problem("every", "must be at least 50ms");
    }
    Duration end = at.get().plus(length.get());
    if (scenario != null && end.compareTo(scenario) > 0) {
      a.problem(
          "for",
          "ends at " + Rig.seconds(end) + ", after the rig's duration of " + Rig.seconds(scenario));
    }
    return Optional.of(
        new Rig.Action(
            at.get(),
            k,
            length.get(),
            target,
            delay.orElse(DEFAULT_SLOW_DELAY),
            bytes.orElse(8L).intValue(),
            k == Rig.ActionKind.LINE_NOISE ? every.orElse(DEFAULT_NOISE_EVERY) : null,
            a.line()));
  }

  private static void notUsed(MappingReader a, Rig.ActionKind k, String key, boolean present) {
    if (present) {
      a.problem(key, "not used by " + k.spelling());
    }
  }
}
