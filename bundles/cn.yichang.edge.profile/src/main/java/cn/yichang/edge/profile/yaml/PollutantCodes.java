package cn.yichang.edge.profile.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code hj212:} key of a point (or field): the pollutant code under which HJ 212-2017
 * environment platforms receive it ({@code w01001} pH). Collected for one profile, by point name.
 * Only the form is checked here; which codes exist, and their units, are the HJ 212 bundle's.
 */
public final class PollutantCodes {
  /**
   * The standard's codes: a letter, then five letters or digits ({@code w01001}, {@code a34004}).
   */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{5}");

  private final Map<String, String> byPoint = new LinkedHashMap<>();

  /** Reads {@code hj212} of a point's mapping, before its reader finishes it. */
  void read(MappingReader point) {
    Optional<String> code = point.string("hj212");
    if (code.isEmpty()) {
      return;
    }
    Optional<String> valid = check(point, "hj212", code.get());
    point.string("name").ifPresent(name -> valid.ifPresent(c -> byPoint.put(name, c)));
  }

  /** Reports a code that is not of the standard's form; the code when it is. */
  public static Optional<String> check(MappingReader r, String key, String code) {
    if (!CODE.matcher(code).matches()) {
      r.problem(
          key,
          "\""
              + code
              + "\" is not an HJ 212 pollutant code (a letter and five letters or digits, e.g."
              + " w01001)");
      return Optional.empty();
    }
    return Optional.of(code);
  }

  Map<String, String> byPoint() {
    return byPoint;
  }
}
