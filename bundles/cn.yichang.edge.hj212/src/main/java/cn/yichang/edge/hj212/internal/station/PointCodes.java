package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.Pollutant;
import cn.yichang.edge.hj212.Pollutants;
import cn.yichang.edge.hj212.UnitConversion;
import cn.yichang.edge.hj212.internal.aggregate.DataFlag;
import cn.yichang.edge.hj212.internal.aggregate.Sample;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Which points a destination receives, under which codes, and the data flag of each reading: a
 * reading set becomes the samples of its coded points, each in its pollutant's unit.
 *
 * <p>Flags: a point the installer or the platform put in maintenance is {@code M}, in calibration
 * {@code C}; a value outside the profile's range {@code T}; a failed read {@code D} when the
 * instrument answered that it cannot measure (a Modbus exception response) and {@code B} for every
 * other failure (timeout, CRC, a garbled line).
 */
final class PointCodes {
  private final Map<String, String> codes = new HashMap<>();
  private final Set<String> maintenance;
  private final Set<String> calibration;
  private final Set<String> refusedUnits = new HashSet<>();

  /**
   * @param codes {@code DEVICE/POINT=CODE}
   * @param maintenance and {@code calibration}: {@code DEVICE} or {@code DEVICE/POINT}
   * @throws IllegalArgumentException naming an entry that is not of that form
   */
  PointCodes(String[] codes, String[] maintenance, String[] calibration) {
    for (String entry : codes) {
      int eq = entry.lastIndexOf('=');
      int slash = entry.indexOf('/');
      if (slash <= 0 || eq < slash + 2 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("codes: \"" + entry + "\" is not DEVICE/POINT=CODE");
      }
      if (codes().containsValue(entry.substring(eq + 1))) {
        throw new IllegalArgumentException(
            "codes: " + entry.substring(eq + 1) + " is given to two points");
      }
      this.codes.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    this.maintenance = Set.of(maintenance);
    this.calibration = Set.of(calibration);
  }

  Map<String, String> codes() {
    return codes;
  }

  boolean hasDevice(String device) {
    return codes.keySet().stream().anyMatch(k -> k.startsWith(device + "/"));
  }

  /** The samples of the set's coded points; empty for a device this destination does not get. */
  List<Sample> samples(ReadingSet set) {
    List<Sample> samples = new ArrayList<>();
    for (PointReading p : set.points()) {
      String key = set.deviceId() + "/" + p.name();
      String code = codes.get(key);
      if (code == null) {
        continue;
      }
      Pollutant pollutant = Pollutants.of(code).orElse(Pollutants.unknown(code));
      DoubleUnaryOperator toUnit = UnitConversion.of(p.unit(), pollutant).orElse(null);
      if (toUnit == null) {
        // validate refuses this; a profile changed since is logged once and the point left out
        if (refusedUnits.add(key)) {
          org.slf4j.LoggerFactory.getLogger(PointCodes.class)
              .error(
                  "{} not sent as {}: {}", key, code, UnitConversion.refusal(p.unit(), pollutant));
        }
        continue;
      }
      double value =
          p.value() instanceof Number n ? toUnit.applyAsDouble(n.doubleValue()) : Double.NaN;
      samples.add(new Sample(code, value, flag(set.deviceId(), key, p)));
    }
    return samples;
  }

  private DataFlag flag(String device, String key, PointReading p) {
    if (maintenance.contains(device) || maintenance.contains(key)) {
      return DataFlag.M;
    }
    if (calibration.contains(device) || calibration.contains(key)) {
      return DataFlag.C;
    }
    if (!p.ok()) {
      return p.error().startsWith("exception ") ? DataFlag.D : DataFlag.B;
    }
    if (!(p.value() instanceof Number)) {
      return DataFlag.D;
    }
    return p.outOfRange() ? DataFlag.T : DataFlag.N;
  }
}
