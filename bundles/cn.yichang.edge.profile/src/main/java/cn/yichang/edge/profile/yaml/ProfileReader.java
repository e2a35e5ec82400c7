package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProtocolSpec;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks one profile file ({@code device-profiles/<id>.yaml}). */
public final class ProfileReader {

  public static final String MODBUS_RTU = "modbus-rtu";

  /**
   * How the protocols other than Modbus RTU read what their profiles declare. A new protocol adds
   * its reader here and its device factory PID to the site provisioner's table.
   */
  static final Map<String, SpecReader> SPEC_READERS =
      Map.of(
          AsciiLineSpecReader.PROTOCOL, new AsciiLineSpecReader(),
          FramedSpecReader.PROTOCOL, new FramedSpecReader(),
          GpioSpecReader.PROTOCOL, new GpioSpecReader());

  /** Protocols a profile may name. */
  public static final Set<String> PROTOCOLS = protocols();

  public static final Duration DEFAULT_TURNAROUND = Duration.ofMillis(5);

  private static final Map<String, Table> TABLES = names(Table.values());
  private static final Map<String, PointType> TYPES = names(PointType.values());
  private static final Map<String, WordOrder> WORD_ORDERS = names(WordOrder.values());

  private ProfileReader() {}

  /**
   * @param expectedId the id the file must declare (its path under its profile directory without
   *     {@code .yaml}), or null not to check it
   * @throws ProfileException with every problem found, when the file is not a valid profile
   */
  public static DeviceProfile read(Path file, String expectedId) throws ProfileException {
    Problems problems = new Problems();
    Optional<DeviceProfile> profile =
        YamlFiles.compose(file, problems)
            .flatMap(root -> MappingReader.of(file, root, "", problems))
            .flatMap(r -> profile(r, expectedId));
    if (!problems.isEmpty() || profile.isEmpty()) {
      throw new ProfileException(problems.inLineOrder());
    }
    return profile.get();
  }

  private static Optional<DeviceProfile> profile(MappingReader r, String expectedId) {
    Optional<String> id = r.requiredString("id");
    Optional<String> manufacturer = r.requiredString("manufacturer");
    Optional<String> model = r.requiredString("model");
    r.string("description");
    Optional<String> protocol = r.requiredString("protocol");
    WordOrder order = r.choice("word-order", WORD_ORDERS).orElse(WordOrder.BIG);
    int maxGap =
        r.integer("max-gap", 0, 65535).map(Long::intValue).orElse(DeviceProfile.UNLIMITED_GAP);
    Duration turnaround = r.duration("turnaround").orElse(DEFAULT_TURNAROUND);
    SpecReader specReader = protocol.map(SPEC_READERS::get).orElse(null);
    boolean hasPoints = specReader != null || r.has("points");
    PollutantCodes codes = new PollutantCodes();
    List<Point> points = specReader == null ? points(r, order, codes) : List.of();
    Optional<ProtocolSpec> spec =
        specReader == null ? Optional.empty() : specReader.read(r, order, codes);
    List<String> names =
        spec.map(ProtocolSpec::pointNames)
            .orElseGet(() -> points.stream().map(Point::name).toList());
    Map<String, String> deadbands =
        r.node("report")
            .flatMap(n -> MappingReader.of(r.file(), n, "report", r.problems()))
            .map(
                report -> {
                  Map<String, String> bands = DeadbandsReader.read(report, names);
                  report.finish();
                  return bands;
                })
            .orElse(Map.of());
    r.finish();

    if (id.isPresent() && expectedId != null && !id.get().equals(expectedId)) {
      r.problem(
          "id",
          "\""
              + id.get()
              + "\" does not match the file's path under its profile directory: expected \""
              + expectedId
              + "\"");
    }
    if (protocol.isPresent() && !PROTOCOLS.contains(protocol.get())) {
      r.problem(
          "protocol",
          "\""
              + protocol.get()
              + "\" is not supported; supported: "
              + String.join(", ", PROTOCOLS));
    }
    if (!hasPoints) {
      r.problem("points", "missing (required)");
    } else if (specReader == null && points.isEmpty() && r.problems().isEmpty()) {
      r.problem("points", "a profile needs at least one point");
    }
    if (!r.problems().isEmpty() || (specReader != null && spec.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new DeviceProfile(
            id.get(),
            manufacturer.get(),
            model.get(),
            protocol.get(),
            order,
            maxGap,
            turnaround,
            points,
            r.file(),
            spec.orElse(null),
            deadbands,
            codes.byPoint()));
  }

  private static Set<String> protocols() {
    Set<String> names = new java.util.TreeSet<>(SPEC_READERS.keySet());
    names.add(MODBUS_RTU);
    return Collections.unmodifiableSet(names);
  }

  private static List<Point> points(
      MappingReader profile, WordOrder profileOrder, PollutantCodes codes) {
    List<Point> points = new ArrayList<>();
    Map<String, Integer> lineOfName = new HashMap<>();
    profile.eachMapping(
        "points",
        r -> {
          point(r, profileOrder, codes).ifPresent(points::add);
          r.string("name")
              .ifPresent(
                  name -> {
                    Integer first = lineOfName.putIfAbsent(name, r.line("name"));
                    if (first != null) {
                      r.problem(
                          "name",
                          "duplicate point name \"" + name + "\" (first at line " + first + ")");
                    }
                  });
        });
    return points;
  }

  private static Optional<Point> point(
      MappingReader r, WordOrder profileOrder, PollutantCodes codes) {
    int problemsBefore = r.problems().size();
    Optional<String> name = r.requiredString("name");
    Optional<Table> table = r.requiredChoice("table", TABLES);
    Optional<Long> address = r.requiredInteger("address", 0, 65535);
    Optional<PointType> type = r.requiredChoice("type", TYPES);
    WordOrder order = r.choice("word-order", WORD_ORDERS).orElse(profileOrder);
    Optional<Long> bit = r.integer("bit", 0, 15);
    Optional<Long> length = r.integer("length", 1, 125);
    double scale = r.decimal("scale").orElse(1.0);
    double offset = r.decimal("offset").orElse(0.0);
    String unit = r.string("unit").orElse(null);
    Double min = r.decimal("min").orElse(null);
    Double max = r.decimal("max").orElse(null);
    boolean writable = r.bool("writable").orElse(false);
    codes.read(r);
    r.string("description");
    r.finish();

    if (scale == 0) {
      r.problem("scale", "must not be 0");
    }
    if (min != null && max != null && min > max) {
      r.problem("min", "min " + min + " is greater than max " + max);
    }
    if (table.isEmpty() || type.isEmpty() || address.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    boolean registerBool = type.get() == PointType.BOOL && !table.get().bits();
    if (table.get().bits() && type.get() != PointType.BOOL) {
      r.problem("type", "a " + lower(table.get()) + " holds one bit: its type must be bool");
    }
    if (registerBool && bit.isEmpty() && !r.has("bit")) {
      r.problem("bit", "missing: a bool in a " + lower(table.get()) + " register needs bit: 0..15");
    }
    if (writable && (table.get() == Table.INPUT || table.get() == Table.DISCRETE)) {
      r.problem(
          "writable", "a " + lower(table.get()) + " is read-only: only holding and coil points");
    }
    if (writable && (type.get() == PointType.STRING || registerBool)) {
      r.problem(
          "writable",
          "only numbers in holding registers and coils can be written, not a "
              + (registerBool ? "bit of a register" : "string"));
    }
    if (!registerBool && r.has("bit")) {
      r.problem("bit", "only for a bool in a holding or input register");
    }
    if (type.get() == PointType.STRING && length.isEmpty() && !r.has("length")) {
      r.problem("length", "missing: a string needs its length in registers");
    }
    if (type.get() != PointType.STRING && r.has("length")) {
      r.problem("length", "only for type string");
    }
    int span =
        table.get().bits()
            ? 1
            : type.get() == PointType.STRING
                ? length.orElse(1L).intValue()
                : type.get().fixedRegisters();
    if (address.get() + span > 65536) {
      r.problem(
          "address", "the point's " + span + " registers from " + address.get() + " pass 65535");
    }
    if (r.problems().size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Point(
            name.get(),
            table.get(),
            address.get().intValue(),
            type.get(),
            order,
            registerBool ? bit.get().intValue() : -1,
            type.get() == PointType.STRING ? length.get().intValue() : type.get().fixedRegisters(),
            scale,
            offset,
            unit,
            min,
            max,
            r.line(),
            writable));
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> Map<String, E> names(E[] values) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E e : values) {
      map.put(lower(e), e);
    }
    return Collections.unmodifiableMap(map);
  }
}
