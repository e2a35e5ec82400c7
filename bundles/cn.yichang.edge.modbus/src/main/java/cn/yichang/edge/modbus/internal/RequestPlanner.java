package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the points of one device into the reads that take the least line time.
 *
 * <p>Reading across unmapped registers costs their bytes in the reply (2 per register, 1/8 per
 * bit); a separate read costs a request frame, the reply's overhead, the device's turnaround and an
 * inter-frame silence. Which is cheaper depends on the baud rate and the device, so the planner
 * prices every candidate grouping on this line instead of using a fixed gap.
 *
 * <p>Per table, points sorted by address are split into runs of consecutive points, and a dynamic
 * programme over the split points finds the cheapest partition exactly; greedy merging would miss
 * cases where closing a request early lets the next one absorb more.
 */
public final class RequestPlanner {

  /** Unit, function, address, count, CRC. */
  static final int REQUEST_BYTES = 8;

  /** Unit, function, byte count, CRC, around the data. */
  static final int REPLY_OVERHEAD_BYTES = 5;

  private static final Comparator<Point> BY_ADDRESS =
      Comparator.comparingInt(Point::address).thenComparingInt(Point::span);

  private final LineSettings line;
  private final long turnaroundNanos;
  private final int maxGap;

  /**
   * @param maxGap the most unmapped registers (or bits) a read may span between two points; {@link
   *     DeviceProfile#UNLIMITED_GAP} for no limit, 0 for only adjacent or overlapping points
   */
  public RequestPlanner(LineSettings line, Duration turnaround, int maxGap) {
    if (maxGap < 0) {
      throw new IllegalArgumentException("max gap must not be negative: " + maxGap);
    }
    this.line = line;
    this.turnaroundNanos = turnaround.toNanos();
    this.maxGap = maxGap;
  }

  public static RequestPlan plan(DeviceProfile profile, LineSettings line) {
    return new RequestPlanner(line, profile.turnaround(), profile.maxGap()).plan(profile.points());
  }

  /**
   * @throws IllegalArgumentException if a point cannot be read by one request (too long, or past
   *     the end of the address space)
   */
  public RequestPlan plan(List<Point> points) {
    List<PlannedRequest> requests = new ArrayList<>();
    for (Table table : Table.values()) {
      List<Point> sorted =
          points.stream().filter(p -> p.table() == table).sorted(BY_ADDRESS).toList();
      requests.addAll(planTable(table, sorted));
    }
    long nanos = requests.stream().mapToLong(r -> requestNanos(r.request())).sum();
    return new RequestPlan(requests, nanos);
  }

  /**
   * Line time of one read: request, turnaround, reply and the silence before the next frame. The
   * turnaround runs from the end of the request to the start of the reply (see {@link
   * DeviceProfile#turnaround()}), so it already holds the silence the device waits for to see the
   * end of the request: one silence per request, not two.
   */
  public long requestNanos(ReadRequest request) {
    return line.wireNanos(REQUEST_BYTES)
        + turnaroundNanos
        + line.wireNanos(REPLY_OVERHEAD_BYTES + request.replyDataBytes())
        + line.silenceNanos();
  }

  private List<PlannedRequest> planTable(Table table, List<Point> points) {
    int n = points.size();
    int cap = ReadRequest.maxCount(table);
    for (Point p : points) {
      if (p.span() < 1 || p.span() > cap || p.address() < 0 || p.address() + p.span() > 0x10000) {
        throw new IllegalArgumentException(
            "point " + p.name() + " cannot be read in one request: " + p.span() + " at " + p);
      }
    }
    // cost[i]: cheapest line time for points i..n-1; groupEnd[i]: the last point of i's group.
    long[] cost = new long[n + 1];
    int[] groupEnd = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      cost[i] = Long.MAX_VALUE;
      int start = points.get(i).address();
      int end = start; // exclusive end of the registers covered so far
      for (int j = i; j < n; j++) {
        Point p = points.get(j);
        if (j > i && p.address() - end > maxGap) {
          break; // the gap only grows, and every later point lies beyond it
        }
        end = Math.max(end, p.address() + p.span());
        if (end - start > cap) {
          break;
        }
        long candidate = requestNanos(new ReadRequest(table, start, end - start)) + cost[j + 1];
        if (candidate < cost[i]) {
          cost[i] = candidate;
          groupEnd[i] = j;
        }
      }
    }
    List<PlannedRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i = groupEnd[i] + 1) {
      List<Point> group = points.subList(i, groupEnd[i] + 1);
      int start = group.get(0).address();
      int end = group.stream().mapToInt(p -> p.address() + p.span()).max().orElseThrow();
      requests.add(new PlannedRequest(new ReadRequest(table, start, end - start), group));
    }
    return requests;
  }
}
