package cn.yichang.edge.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A sensor model as read from {@code device-profiles/<id>.yaml}.
 *
 * @param maxGap the largest run of unmapped registers a request may read across; 0 for devices that
 *     reject reads of unmapped registers
 * @param turnaround how long the device takes between the end of a request and its reply
 * @param source the file it was read from
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
    Path source) {

  public static final int UNLIMITED_GAP = Integer.MAX_VALUE;

  public DeviceProfile {
    points = List.copyOf(points);
  }
}
