package cn.yichang.edge.sim.profile;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks each point's value model from its name, unit and type. The device's presence bool (an
 * occupancy, an in-bed flag) is chosen first, and the points that depend on it (field strength, an
 * ultrasonic echo, an indicator, heart rate, detection count, time in bed) follow it; likewise a
 * conductivity, which the device's TDS and salinity follow ({@link Conductivity}). Weather,
 * greenhouse and water-quality points get their models from {@link EnvironmentModels}.
 */
final class ModelChooser {

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;
  private static final Map<String, Double> PER_CM = Map.of("cm", 1.0, "mm", 10.0, "m", 0.01);

  private final long seed;
  private Dwell presence;
  private ValueModel conductivity;
  private double conductivityPerUs;

  private ModelChooser(long seed) {
    this.seed = seed;
  }

  /** Models by point name, in the order they are to be advanced (presence first). */
  static Map<String, ValueModel> choose(DeviceProfile profile, long seed) {
    ModelChooser chooser = new ModelChooser(seed);
    Map<String, ValueModel> models = new LinkedHashMap<>();
    for (Point point : profile.points()) {
      if (point.type() == PointType.BOOL && presenceKind(name(point)) != null) {
        chooser.presence = (Dwell) chooser.bool(point);
        models.put(point.name(), chooser.presence);
        break;
      }
    }
    for (Point point : profile.points()) {
      String unit = point.unit() == null ? "" : point.unit();
      if (has(name(point), "conductivity") && (unit.equals("uS/cm") || unit.equals("mS/cm"))) {
        chooser.conductivity = chooser.model(point);
        chooser.conductivityPerUs = unit.equals("mS/cm") ? 1e-3 : 1;
        models.put(point.name(), chooser.conductivity);
        break;
      }
    }
    for (Point point : profile.points()) {
      if (!models.containsKey(point.name()) && point.type() != PointType.STRING) {
        models.put(point.name(), chooser.model(point));
      }
    }
    return models;
  }

  /** What a served value must keep to: min/max, and what the type holds. */
  static Bounds limits(Point point) {
    Bounds type = typeRange(point);
    double lo = point.min() != null ? point.min() : type.lo();
    double hi = point.max() != null ? point.max() : type.hi();
    return new Bounds(lo, Math.max(lo, hi)).within(type);
  }

  private static Bounds typeRange(Point point) {
    if (point.type() == PointType.FLOAT32 || point.type() == PointType.FLOAT64) {
      return new Bounds(-1e30, 1e30);
    }
    double a = PointCodec.decoded(point, PointCodec.rawMin(point.type()));
    double b = PointCodec.decoded(point, PointCodec.rawMax(point.type()));
    return new Bounds(Math.min(a, b), Math.max(a, b));
  }

  /** The engineering range a model keeps to: min/max, else what the type holds, within +-1000. */
  static Bounds bounds(Point point) {
    Bounds type = typeRange(point);
    Bounds fallback = type.within(new Bounds(-1000, 1000));
    double lo = point.min() != null ? point.min() : fallback.lo();
    double hi = point.max() != null ? point.max() : fallback.hi();
    return new Bounds(lo, Math.max(lo, hi)).within(type);
  }

  private ValueModel model(Point point) {
    if (point.type() == PointType.BOOL) {
      if (presence != null && has(name(point), "indicator", "led")) {
        return Coupled.gated(presence, ValueModels.constant(1), 0); // red while occupied
      }
      return bool(point);
    }
    String n = name(point);
    String unit = point.unit() == null ? "" : point.unit();
    Bounds r = bounds(point);
    SplittableRandom random = random(point);
    long s = random.nextLong();
    if (presence != null && has(n, "detect", "arriv", "count") && !has(n, "exit", "leave")) {
      return Coupled.edges(presence, true, r.at(0.01 * random.nextDouble()));
    }
    if (presence != null && has(n, "exit", "leave", "departure")) {
      return Coupled.edges(presence, false, r.at(0.01 * random.nextDouble()));
    }
    if (presence != null && has(n, "time", "duration", "hours", "minutes")) {
      double perUnit = unit.equals("h") ? HOUR : unit.equals("min") ? MINUTE : 1;
      return Coupled.presentTime(presence, perUnit, r.lo());
    }
    if (isCounter(point, n)) {
      return counter(point, random);
    }
    if (has(n, "moisture", "vwc", "water_content")) {
      return ValueModels.drying(r.lo(), r.hi(), r.span() * 0.02 * 60, minutes(3), minutes(8), s);
    }
    if (conductivity != null) {
      ValueModel derived = Conductivity.derived(conductivity, conductivityPerUs, n, unit);
      if (derived != null) {
        return derived;
      }
    }
    ValueModel environment = EnvironmentModels.choose(n, unit, r, random);
    if (environment != null) {
      return environment;
    }
    if (presence != null && has(n, "distance", "echo") && PER_CM.containsKey(unit)) {
      return Coupled.echoDistance(presence, r, PER_CM.get(unit), random);
    }
    if (has(n, "temp") || unit.equals("Cel")) {
      double mean = r.within(new Bounds(15, 30)).clamp(22);
      return ValueModels.diurnal(mean, Math.min(6, r.span() / 4), hours(24), 0.3, s);
    }
    if (has(n, "battery", "batt")) {
      return new Trend(
          r.at(0.85 + 0.1 * random.nextDouble()), -r.span() / (30 * 24 * HOUR), r, random);
    }
    if (presence != null && has(n, "mag", "field")) {
      return Coupled.magneticAxis(presence, r, random);
    }
    if (presence != null && has(n, "heart", "pulse")) {
      return Coupled.gated(presence, walk(r.within(new Bounds(52, 96)), 70, 0.3, random), 0);
    }
    if (presence != null && has(n, "breath", "resp")) {
      return Coupled.gated(presence, walk(r.within(new Bounds(10, 22)), 15, 0.1, random), 0);
    }
    if (presence != null && has(n, "movement", "motion", "activity")) {
      return Coupled.gated(presence, walk(r.within(new Bounds(0, 60)), 8, 1.5, random), 0);
    }
    if (word(n, "ph") || unit.equals("[pH]")) {
      return walk(r.within(new Bounds(6.2, 8.4)), 7.2, 0.003, random);
    }
    if (has(n, "orp", "redox")) {
      return walk(r.within(new Bounds(120, 450)), 260, 0.4, random);
    }
    // conductivity, turbidity, dissolved oxygen and anything else: a walk inside the range
    return walk(r, r.at(0.3), r.span() * 0.0002, random);
  }

  private ValueModel bool(Point point) {
    String kind = presenceKind(name(point));
    SplittableRandom random = random(point);
    if ("vehicle".equals(kind)) {
      return dwell(5 * MINUTE, 60 * MINUTE, 2 * MINUTE, 40 * MINUTE, random);
    }
    if ("bed".equals(kind)) {
      return dwell(1 * HOUR, 8 * HOUR, 5 * MINUTE, 90 * MINUTE, random);
    }
    if ("person".equals(kind)) {
      return dwell(1 * MINUTE, 20 * MINUTE, 1 * MINUTE, 30 * MINUTE, random);
    }
    if (has(name(point), "alarm", "fault", "error", "tamper", "low", "calibrat")) {
      return dwell(10, 2 * MINUTE, 30 * MINUTE, 4 * HOUR, random);
    }
    return dwell(1 * MINUTE, 10 * MINUTE, 1 * MINUTE, 10 * MINUTE, random);
  }

  private static String presenceKind(String n) {
    if (has(n, "occup", "vehicle", "parked", "car_present")) {
      return "vehicle";
    }
    if (has(n, "bed")) {
      return n.contains("alarm") ? null : "bed";
    }
    return has(n, "presence", "present", "person") ? "person" : null;
  }

  /** Whether the point counts up (events, energy, ...): it never goes down. */
  static boolean isCounter(Point point) {
    return point.type() != PointType.BOOL
        && point.type() != PointType.STRING
        && isCounter(point, name(point));
  }

  private static boolean isCounter(Point point, String n) {
    boolean unsigned32 = point.type() == PointType.UINT32 || point.type() == PointType.INT64;
    return has(n, "count", "total", "energy", "cycles")
        || (unsigned32 && point.min() == null && point.max() == null);
  }

  private static Dwell dwell(
      double onMin, double onMax, double offMin, double offMax, SplittableRandom random) {
    return new Dwell(onMin, onMax, offMin, offMax, random);
  }

  /** Counts up by about one register step every 5 s, from a meter-like reading. */
  private static ValueModel counter(Point point, SplittableRandom random) {
    Bounds r = bounds(point);
    double step = Math.abs(point.scale());
    if (point.max() == null) {
      double lo = point.min() == null ? Math.max(r.lo(), Math.min(0, r.hi())) : r.lo();
      double top = PointCodec.decoded(point, PointCodec.rawMax(point.type()));
      r = new Bounds(lo, Math.max(lo, top));
    }
    double start =
        r.lo() + step * Math.floor(random.nextDouble() * Math.min(1e6, r.span() / step / 1000));
    return new Trend(start, step / 5, r, random);
  }

  private static ValueModel walk(Bounds r, double mean, double sigma, SplittableRandom random) {
    return new RandomWalk(r, mean, sigma, 15 * MINUTE, random);
  }

  private SplittableRandom random(Point point) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + point.name().hashCode());
  }

  private static boolean has(String name, String... parts) {
    for (String part : parts) {
      if (name.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code part} is one of the name's words (separated by _ - . or space). */
  private static boolean word(String name, String part) {
    for (String w : name.split("[_\\-. ]")) {
      if (w.equals(part)) {
        return true;
      }
    }
    return false;
  }

  private static String name(Point point) {
    return point.name().toLowerCase(Locale.ROOT);
  }

  private static java.time.Duration minutes(long n) {
    return java.time.Duration.ofMinutes(n);
  }

  private static java.time.Duration hours(long n) {
    return java.time.Duration.ofHours(n);
  }
}
