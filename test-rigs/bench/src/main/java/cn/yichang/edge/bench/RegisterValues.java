package cn.yichang.edge.bench;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.internal.PlannedRequest;
import cn.yichang.edge.modbus.internal.RequestPlan;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.WordOrder;
import cn.yichang.edge.sim.RegisterMap;
import cn.yichang.edge.sim.RegisterMap.Table;

/**
 * Register contents that serve a profile: every address a planned read covers is mapped (gaps read
 * as 0, so that no read is refused), and every point holds a plausible value, the middle of its
 * declared range where it has one.
 */
final class RegisterValues {

  private RegisterValues() {}

  static RegisterMap serving(DeviceProfile profile, RequestPlan plan) {
    RegisterMap map = new RegisterMap();
    for (PlannedRequest planned : plan.requests()) {
      ReadRequest request = planned.request();
      Table table = table(request.table());
      for (int address = request.address(); address <= request.lastAddress(); address++) {
        map.set(table, address, 0);
      }
    }
    for (Point point : profile.points()) {
      map.set(table(point.table()), point.address(), registers(point));
    }
    return map;
  }

  /** The registers (or bits) of a point's value, in wire order. */
  static int[] registers(Point point) {
    if (point.table().bits()) {
      return new int[] {1};
    }
    PointType type = point.type();
    if (type == PointType.BOOL) {
      return new int[] {point.bit() < 0 ? 1 : 1 << point.bit()};
    }
    if (type == PointType.STRING) {
      int[] words = new int[point.length()];
      byte[] text = "BENCH".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int i = 0; i < 2 * words.length && i < text.length; i++) {
        words[i / 2] |= (text[i] & 0xFF) << (i % 2 == 0 ? 8 : 0);
      }
      return words;
    }
    double raw = (plausible(point) - point.offset()) / point.scale();
    long bits =
        switch (type) {
          case FLOAT32 -> Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
          case FLOAT64 -> Double.doubleToLongBits(raw);
          default -> Math.round(raw);
        };
    int words = type.fixedRegisters();
    int[] registers = new int[words];
    for (int i = 0; i < words; i++) {
      int word = (int) (bits >>> (16 * (words - 1 - i))) & 0xFFFF; // high word first
      registers[point.wordOrder() == WordOrder.LITTLE ? words - 1 - i : i] = word;
    }
    return registers;
  }

  private static double plausible(Point point) {
    if (point.min() != null && point.max() != null) {
      return (point.min() + point.max()) / 2;
    }
    return point.min() != null ? point.min() : point.max() != null ? point.max() : 21.5;
  }

  private static Table table(cn.yichang.edge.profile.Table table) {
    return switch (table) {
      case HOLDING -> Table.HOLDING;
      case INPUT -> Table.INPUT;
      case COIL -> Table.COIL;
      case DISCRETE -> Table.DISCRETE;
    };
  }
}
