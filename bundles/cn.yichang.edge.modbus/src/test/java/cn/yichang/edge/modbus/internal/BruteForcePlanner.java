package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The planner's oracle: tries every partition of a few points into groups, not only runs in address
 * order, so it also checks that restricting the search to such runs loses nothing.
 */
final class BruteForcePlanner {
  private BruteForcePlanner() {}

  static long cheapest(List<Point> points, int maxGap, RequestPlanner planner) {
    return search(points, 0, new ArrayList<>(), maxGap, planner);
  }

  private static long search(
      List<Point> points, int next, List<List<Point>> groups, int maxGap, RequestPlanner planner) {
    if (next == points.size()) {
      long total = 0;
      for (List<Point> group : groups) {
        long cost = cost(group, maxGap, planner);
        if (cost < 0) {
          return Long.MAX_VALUE;
        }
        total += cost;
      }
      return total;
    }
    long best = Long.MAX_VALUE;
    Point point = points.get(next);
    // by index: the recursion adds and removes groups behind us
    for (int g = 0; g < groups.size(); g++) {
      List<Point> group = groups.get(g);
      group.add(point);
      best = Math.min(best, search(points, next + 1, groups, maxGap, planner));
      group.remove(group.size() - 1);
    }
    List<Point> alone = new ArrayList<>(List.of(point));
    groups.add(alone);
    best = Math.min(best, search(points, next + 1, groups, maxGap, planner));
    groups.remove(groups.size() - 1);
    return best;
  }

  /** Line time of reading the group in one request, or -1 if no request may read it. */
  private static long cost(List<Point> group, int maxGap, RequestPlanner planner) {
    List<Point> sorted = new ArrayList<>(group);
    sorted.sort(Comparator.comparingInt(Point::address));
    int start = sorted.get(0).address();
    int end = start;
    for (Point p : sorted) {
      if (p != sorted.get(0) && p.address() - end > maxGap) {
        return -1;
      }
      end = Math.max(end, p.address() + p.span());
    }
    if (end - start > ReadRequest.MAX_REGISTERS) {
      return -1;
    }
    return planner.requestNanos(new ReadRequest(Table.HOLDING, start, end - start));
  }
}
