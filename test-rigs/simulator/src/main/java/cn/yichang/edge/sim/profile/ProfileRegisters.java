package cn.yichang.edge.sim.profile;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.sim.RegisterMap;
import java.util.Comparator;
import java.util.List;

/**
 * Which addresses a profiled device serves: its points' registers, and the gaps between them that
 * its profile lets a master read across ({@code max-gap}, unlimited by default), as zeros, the way
 * such devices answer. Nothing beyond, so a read past the last point gets exception 2.
 */
final class ProfileRegisters {

  private ProfileRegisters() {}

  static void map(RegisterMap registers, DeviceProfile profile) {
    for (Table table : Table.values()) {
      List<Point> points =
          profile.points().stream()
              .filter(p -> p.table() == table)
              .sorted(Comparator.comparingInt(Point::address))
              .toList();
      RegisterMap.Table target = PointCodec.table(table);
      int end = -1; // last address served so far
      for (Point p : points) {
        int gap = p.address() - end - 1;
        int from = end >= 0 && gap > 0 && gap <= profile.maxGap() ? end + 1 : p.address();
        int last = p.address() + p.span() - 1;
        for (int a = Math.max(from, end + 1); a <= last; a++) {
          registers.set(target, a, 0);
        }
        end = Math.max(end, last);
      }
    }
  }
}
