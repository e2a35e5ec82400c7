package cn.yichang.edge.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sensor model as read from {@code device-profiles/<id>.yaml}.
 *
 * @param maxGap the largest run of unmapped registers a request may read across; 0 for devices that
 *     reject reads of unmapped registers
 * @param turnaround how long the device takes between the end of a request and its reply
 * @param source the file it was read from
 * @param spec for protocols other than Modbus RTU, what the profile declares instead of register
 *     points (then {@code points} is empty); null for Modbus RTU
 * @param deadbands the default deadband of points, by name ({@code report: {deadband: {...}}}: a
 *     sensor's resolution), as {@code 0.05} or {@code 2%}; a site may override them per device
 * @param pollutantCodes the HJ 212 pollutant code of points, by name (a point's {@code hj212:
 *     w01001}); a site may override them per device
 */
public record DeviceProfile(
    String id,
    String manufacturer,
    String model,
    String protocol,
    WordOrder wordOrder,
    int maxGap,
    Duration turnaround,
    List<Point> points,
    Path source,
    ProtocolSpec spec,
    Map<String, String> deadbands,
    Map<String, String> pollutantCodes) {

  public static final int UNLIMITED_GAP = Integer.MAX_VALUE;

  public DeviceProfile {
    points = List.copyOf(points);
    deadbands = Map.copyOf(deadbands);
    pollutantCodes = Map.copyOf(pollutantCodes);
  }

  /** A profile without pollutant codes. */
  public DeviceProfile(
      String id,
      String manufacturer,
      String model,
      String protocol,
      WordOrder wordOrder,
      int maxGap,
      Duration turnaround,
      List<Point> points,
      Path source,
      ProtocolSpec spec,
      Map<String, String> deadbands) {
    this(
        id,
        manufacturer,
        model,
        protocol,
        wordOrder,
        maxGap,
        turnaround,
        points,
        source,
        spec,
        deadbands,
        Map.of());
  }

  /** A profile without default deadbands. */
  public DeviceProfile(
      String id,
      String manufacturer,
      String model,
      String protocol,
      WordOrder wordOrder,
      int maxGap,
      Duration turnaround,
      List<Point> points,
      Path source,
      ProtocolSpec spec) {
    this(
        id,
        manufacturer,
        model,
        protocol,
        wordOrder,
        maxGap,
        turnaround,
        points,
        source,
        spec,
        Map.of());
  }

  /** The names of its points, in profile order, whatever its protocol. */
  public List<String> pointNames() {
    return spec == null ? points.stream().map(Point::name).toList() : spec.pointNames();
  }

  /** A Modbus RTU profile. */
  public DeviceProfile(
      String id,
      String manufacturer,
      String model,
      String protocol,
      WordOrder wordOrder,
      int maxGap,
      Duration turnaround,
      List<Point> points,
      Path source) {
    this(id, manufacturer, model, protocol, wordOrder, maxGap, turnaround, points, source, null);
  }

  /** The protocol-specific part as {@code type}, or an exception naming the profile. */
  public <T extends ProtocolSpec> T spec(Class<T> type) {
    if (!type.isInstance(spec)) {
      throw new IllegalArgumentException(
          "profile " + id + " (protocol " + protocol + ") has no " + type.getSimpleName());
    }
    return type.cast(spec);
  }
}
