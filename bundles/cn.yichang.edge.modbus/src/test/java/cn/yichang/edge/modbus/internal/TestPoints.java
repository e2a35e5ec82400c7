package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Points and profiles as the profile loader would make them, with only what a test cares about. */
final class TestPoints {
  private TestPoints() {}

  static Point point(String name, Table table, int address, PointType type) {
    return new Point(
        name, table, address, type, WordOrder.BIG, -1, length(type), 1.0, 0.0, "", null, null, 1);
  }

  static Point point(
      String name,
      Table table,
      int address,
      PointType type,
      WordOrder order,
      double scale,
      double offset) {
    return new Point(
        name, table, address, type, order, -1, length(type), scale, offset, "u", null, null, 1);
  }

  static Point bit(String name, Table table, int address, int bit) {
    return new Point(
        name, table, address, PointType.BOOL, WordOrder.BIG, bit, 1, 1.0, 0.0, "", null, null, 1);
  }

  static Point string(String name, Table table, int address, int length) {
    return new Point(
        name, table, address, PointType.STRING, WordOrder.BIG, -1, length, 1, 0, "", null, null, 1);
  }

  static Point ranged(String name, int address, PointType type, Double min, Double max) {
    return new Point(
        name, Table.HOLDING, address, type, WordOrder.BIG, -1, length(type), 1, 0, "", min, max, 1);
  }

  /** The same point, marked writable: true. */
  static Point writable(Point p) {
    return new Point(
        p.name(),
        p.table(),
        p.address(),
        p.type(),
        p.wordOrder(),
        p.bit(),
        p.length(),
        p.scale(),
        p.offset(),
        p.unit(),
        p.min(),
        p.max(),
        p.line(),
        true);
  }

  static DeviceProfile profile(int maxGap, Duration turnaround, Point... points) {
    return new DeviceProfile(
        "test/device",
        "Test",
        "T-1",
        "modbus-rtu",
        WordOrder.BIG,
        maxGap,
        turnaround,
        List.of(points),
        Path.of("test/device.yaml"));
  }

  private static int length(PointType type) {
    return Math.max(1, type.fixedRegisters());
  }
}
