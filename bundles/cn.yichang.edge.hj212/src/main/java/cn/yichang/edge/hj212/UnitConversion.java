package cn.yichang.edge.hj212;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * From a point's unit to its pollutant's: the same unit, or a conversion of the few that water
 * instruments report in other units (µg/L and mg/L, mS/cm and µS/cm, K and °C, m³/h and L/s).
 * Anything else is refused: a value in a wrong unit is worse than none.
 */
public final class UnitConversion {
  /** Units written differently that mean the same. */
  private static final Map<String, String> SAME =
      Map.of(
          "[pH]", "1", "", "1", "[NTU]", "{NTU}", "NTU", "{NTU}", "mg/l", "mg/L", "ug/l", "ug/L");

  private static final Map<String, DoubleUnaryOperator> CONVERSIONS =
      Map.of(
          "ug/L>mg/L", v -> v / 1000,
          "mg/L>ug/L", v -> v * 1000,
          "g/L>mg/L", v -> v * 1000,
          "mS/cm>uS/cm", v -> v * 1000,
          "S/m>uS/cm", v -> v * 10_000,
          "mS/m>uS/cm", v -> v * 10,
          "K>Cel", v -> v - 273.15,
          "m3/h>L/s", v -> v / 3.6,
          "L/min>L/s", v -> v / 60);

  private UnitConversion() {}

  /**
   * How a value in {@code from} becomes one in {@code pollutant}'s unit; empty when it cannot. A
   * point without a unit is taken to be in the pollutant's unit only for a dimensionless one (pH).
   */
  public static Optional<DoubleUnaryOperator> of(String from, Pollutant pollutant) {
    if (pollutant.unit() == null) {
      return Optional.of(DoubleUnaryOperator.identity());
    }
    String f = normal(from == null ? "" : from);
    String to = normal(pollutant.unit());
    if (f.equals(to)) {
      return Optional.of(DoubleUnaryOperator.identity());
    }
    return Optional.ofNullable(CONVERSIONS.get(f + ">" + to));
  }

  /** Why a point in {@code from} cannot be sent as {@code pollutant}. */
  public static String refusal(String from, Pollutant pollutant) {
    return "its unit "
        + (from == null || from.isEmpty() ? "(none)" : from)
        + " is not "
        + pollutant.code()
        + "'s ("
        + pollutant.name()
        + ", in "
        + pollutant.unit()
        + ") and the gateway has no conversion for it";
  }

  private static String normal(String unit) {
    return SAME.getOrDefault(unit, unit);
  }
}
