package cn.yichang.edge.sim.profile;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Models for the weather, greenhouse and water-quality points of the profile library, chosen by the
 * point's name and unit: a wind vane that wraps, a rain total that rises in showers, daylight that
 * is zero at night, and typical levels (a river's turbidity, a pond's oxygen) instead of the middle
 * of the sensor's range.
 */
final class EnvironmentModels {

  private static final double MINUTE = 60;

  private EnvironmentModels() {}

  /**
   * The model for a point, or null when none of these applies.
   *
   * @param n the point's name in lower case
   * @param unit the point's unit, "" when it has none
   * @param r the range the model keeps to
   */
  static ValueModel choose(String n, String unit, Bounds r, SplittableRandom random) {
    if ((has(n, "direction", "wind_dir", "heading") || unit.equals("deg")) && r.span() >= 300) {
      return new Circular(r.lo(), 1.5, random);
    }
    if (has(n, "rainfall", "precip") || java.util.List.of(n.split("[_\\-. ]")).contains("rain")) {
      return new Rain(r, random);
    }
    if (has(n, "radiation", "solar", "irradiance", "illuminance", "lux", "light")
        || unit.equals("lx")
        || unit.equals("W/m2")) {
      double clearSky = unit.equals("lx") ? 90_000 : unit.equals("W/m2") ? 950 : r.at(0.6);
      return new Daylight(Math.min(clearSky, r.hi()), random);
    }
    if (has(n, "wind") && !has(n, "direction")) {
      return walk(r, 3.5, 0.08, random);
    }
    if (has(n, "humid") || n.equals("rh")) {
      double mean = r.within(new Bounds(30, 95)).clamp(65);
      return ValueModels.diurnal(
          mean, Math.min(15, r.span() / 4), Duration.ofHours(24), 1, random.nextLong());
    }
    if (has(n, "pressure", "baro")) {
      double sea =
          switch (unit) {
            case "hPa", "mbar" -> 1013;
            case "kPa" -> 101.3;
            case "Pa" -> 101_325;
            default -> r.at(0.5);
          };
      double mean = r.clamp(sea);
      return walk(r, mean, Math.abs(mean) * 2e-5, random);
    }
    if (has(n, "co2")) {
      double mean = r.within(new Bounds(350, 1500)).clamp(650);
      return ValueModels.diurnal(
          mean, Math.min(250, r.span() / 4), Duration.ofHours(24), 15, random.nextLong());
    }
    Bounds typical = typical(n, unit);
    if (typical != null) {
      Bounds t = r.within(typical);
      double mean = t.at(0.5);
      return walk(t, mean, Math.max(mean * 0.0025, r.span() * 1e-5), random);
    }
    return null;
  }

  /** Where a water or soil value usually lies, whatever the sensor's full range. */
  private static Bounds typical(String n, String unit) {
    if (has(n, "saturation")) {
      return new Bounds(80, 105);
    }
    if (has(n, "dissolved_oxygen", "oxygen") || n.equals("do")) {
      return unit.equals("%") ? new Bounds(80, 105) : new Bounds(5, 10);
    }
    if (has(n, "turbidity")) {
      return new Bounds(2, 40);
    }
    if (has(n, "ammonia", "nh4", "nh3")) {
      return new Bounds(0.2, 2);
    }
    if (has(n, "chlorophyll")) {
      return new Bounds(2, 20);
    }
    if (unit.equals("mg/kg") && has(n, "nitrogen")) {
      return new Bounds(40, 160);
    }
    if (unit.equals("mg/kg") && has(n, "phosph")) {
      return new Bounds(15, 60);
    }
    if (unit.equals("mg/kg") && has(n, "potass")) {
      return new Bounds(80, 250);
    }
    if (has(n, "potass")) {
      return new Bounds(2, 10);
    }
    return null;
  }

  private static ValueModel walk(Bounds r, double mean, double sigma, SplittableRandom random) {
    return new RandomWalk(r, mean, sigma, 15 * MINUTE, random);
  }

  private static boolean has(String name, String... parts) {
    for (String part : parts) {
      if (name.contains(part)) {
        return true;
      }
    }
    return false;
  }
}
