package cn.yichang.edge.rig;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bus can carry: the wire time of each device's poll, estimated the simple way (one read per
 * run of points in a table, across gaps up to the profile's max-gap, at most 125 registers), and
 * from it the rig's demand in transactions per second and the ceiling at that mix of requests: the
 * rate at which the line would be busy all the time (request, turnaround, reply, and the
 * 3.5-character silence before each frame).
 */
final class BusLoad {

  private static final int REQUEST_BYTES = 8;
  private static final int MAX_REGISTERS = 125;
  private static final int MAX_BITS = 2000;

  /**
   * @param demandPerSecond transactions per second the polls ask for
   * @param ceilingPerSecond transactions per second the line allows at this mix
   */
  record Estimate(double demandPerSecond, double ceilingPerSecond) {}

  private BusLoad() {}

  /** One entry per device: its profile and its poll interval in seconds. */
  record Polled(DeviceProfile profile, double pollSeconds) {}

  static Estimate estimate(LineSettings line, List<Polled> devices) {
    double demand = 0;
    double busySecondsPerSecond = 0;
    for (Polled d : devices) {
      List<Long> transactions = transactionNanos(line, d.profile());
      demand += transactions.size() / d.pollSeconds();
      for (long nanos : transactions) {
        busySecondsPerSecond += nanos / 1e9 / d.pollSeconds();
      }
    }
    // at the same mix, the line is full when busy 1 s per second
    double ceiling = busySecondsPerSecond == 0 ? 0 : demand / busySecondsPerSecond;
    return new Estimate(demand, ceiling);
  }

  /** The wire time of each request of one poll of a device. */
  static List<Long> transactionNanos(LineSettings line, DeviceProfile profile) {
    long turnaround = profile.turnaround().toNanos();
    List<Long> result = new ArrayList<>();
    for (Map.Entry<Table, List<int[]>> e : ranges(profile).entrySet()) {
      for (int[] range : e.getValue()) {
        int count = range[1] - range[0];
        int data = e.getKey().bits() ? (count + 7) / 8 : 2 * count;
        int reply = 5 + data;
        result.add(
            line.silenceNanos()
                + line.wireNanos(REQUEST_BYTES)
                + turnaround
                + line.silenceNanos()
                + line.wireNanos(reply));
      }
    }
    return result;
  }

  /** Per table, the [start, end) address ranges read in one request each. */
  static Map<Table, List<int[]>> ranges(DeviceProfile profile) {
    Map<Table, List<int[]>> byTable = new TreeMap<>();
    Map<Table, List<Point>> points = new TreeMap<>();
    for (Point p : profile.points()) {
      points.computeIfAbsent(p.table(), t -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<Table, List<Point>> e : points.entrySet()) {
      int limit = e.getKey().bits() ? MAX_BITS : MAX_REGISTERS;
      List<int[]> ranges = new ArrayList<>();
      int[] current = null;
      List<Point> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparingInt(Point::address));
      for (Point p : sorted) {
        int start = p.address();
        int end = p.address() + p.span();
        if (current != null
            && start - current[1] <= profile.maxGap()
            && Math.max(end, current[1]) - current[0] <= limit) {
          current[1] = Math.max(current[1], end);
        } else {
          current = new int[] {start, end};
          ranges.add(current);
        }
      }
      byTable.put(e.getKey(), ranges);
    }
    return byTable;
  }
}
