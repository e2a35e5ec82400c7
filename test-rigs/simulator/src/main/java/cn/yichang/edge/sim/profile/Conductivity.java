package cn.yichang.edge.sim.profile;

/**
 * What a conductivity probe computes from its conductivity reading, so that a device's TDS,
 * salinity and resistivity agree with it: TDS = 0.5 x EC, salinity by a fit of PSS-78 to sea water
 * (35 ppt at 53 mS/cm), resistivity = 1 / EC.
 */
final class Conductivity {

  private Conductivity() {}

  /**
   * The model of a point derived from the device's conductivity, or null when the point is not one.
   *
   * @param perMicrosiemens the conductivity point's units in 1 uS/cm (1, or 0.001 for mS/cm)
   */
  static ValueModel derived(
      ValueModel conductivity, double perMicrosiemens, String n, String unit) {
    if (n.contains("tds") || n.contains("dissolved_solids")) {
      double perMgL = unit.equals("g/L") ? 1e-3 : 1; // mg/L, [ppm]
      return follow(conductivity, us -> 0.5 * us * perMgL, perMicrosiemens);
    }
    if (n.contains("salinity")) {
      double perPpt = unit.equals("%") ? 0.1 : 1; // [ppth], g/kg
      return follow(
          conductivity, us -> 0.4665 * Math.pow(us / 1000, 1.0878) * perPpt, perMicrosiemens);
    }
    if (n.contains("resistivity")) {
      double perKohmCm = unit.equals("Ohm.cm") ? 1000 : unit.equals("MOhm.cm") ? 1e-3 : 1;
      return follow(conductivity, us -> 1000 / Math.max(us, 1e-3) * perKohmCm, perMicrosiemens);
    }
    return null;
  }

  private static ValueModel follow(
      ValueModel conductivity,
      java.util.function.DoubleUnaryOperator fromMicrosiemens,
      double perMicrosiemens) {
    return new ValueModel() {
      @Override
      public void advance(double seconds) {}

      @Override
      public double value() {
        return fromMicrosiemens.applyAsDouble(conductivity.value() / perMicrosiemens);
      }
    };
  }
}
