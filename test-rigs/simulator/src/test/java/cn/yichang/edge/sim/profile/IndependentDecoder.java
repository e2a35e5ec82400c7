package cn.yichang.edge.sim.profile;

import cn.yichang.edge.profile.Point;
import cn.yichang.edge.sim.RegisterMap;
import java.math.BigInteger;

/**
 * A decoder written for the test from the profile format's definition alone (neither the
 * simulator's encoder nor the gateway's decoder): reads a point's registers back from a unit.
 */
final class IndependentDecoder {

  private IndependentDecoder() {}

  static Object decode(RegisterMap map, Point point) {
    RegisterMap.Table table = RegisterMap.Table.valueOf(point.table().name());
    int[] regs = map.read(table, point.address(), point.span()).orElseThrow();
    switch (point.type()) {
      case BOOL:
        return point.table().bits() ? regs[0] == 1 : ((regs[0] >> point.bit()) & 1) == 1;
      case STRING:
        StringBuilder text = new StringBuilder();
        for (int r : regs) {
          text.append((char) (r >> 8)).append((char) (r & 0xFF));
        }
        return text.toString().replaceAll("[\\x00 ]+$", "");
      default:
        break;
    }
    // the registers high word first, as one unsigned number
    BigInteger bits = BigInteger.ZERO;
    for (int i = 0; i < regs.length; i++) {
      int index = point.wordOrder().name().equals("LITTLE") ? regs.length - 1 - i : i;
      bits = bits.shiftLeft(16).or(BigInteger.valueOf(regs[index]));
    }
    int width = 16 * regs.length;
    BigInteger signed =
        bits.testBit(width - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(width)) : bits;
    double raw;
    switch (point.type()) {
      case FLOAT32:
        raw = Float.intBitsToFloat(bits.intValue());
        break;
      case FLOAT64:
        raw = Double.longBitsToDouble(bits.longValue());
        break;
      case UINT16:
      case UINT32:
        if (point.scale() == 1 && point.offset() == 0) {
          return bits.longValueExact();
        }
        raw = bits.doubleValue();
        break;
      default: // signed integers
        if (point.scale() == 1 && point.offset() == 0) {
          return signed.longValueExact();
        }
        raw = signed.doubleValue();
    }
    return raw * point.scale() + point.offset();
  }
}
