package cn.yichang.edge.report;

/**
 * One point's deadband as a configuration carries it: {@code DEVICE/POINT=BAND}, BAND as {@link
 * Deadband#parse} reads it ({@code 0.05}, {@code 2%}).
 */
public record PointDeadband(String device, String point, String band) {

  /**
   * @throws IllegalArgumentException naming the entry when it is not {@code DEVICE/POINT=BAND}
   */
  public static PointDeadband parse(String entry) {
    int slash = entry.indexOf('/');
    int equals = entry.indexOf('=', slash + 1);
    if (slash < 1 || equals < slash + 2) {
      throw new IllegalArgumentException("\"" + entry + "\": expected DEVICE/POINT=BAND");
    }
    return new PointDeadband(
        entry.substring(0, slash), entry.substring(slash + 1, equals), entry.substring(equals + 1));
  }

  @Override
  public String toString() {
    return device + "/" + point + "=" + band;
  }
}
