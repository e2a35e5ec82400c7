package cn.yichang.edge.tools;

import cn.yichang.edge.modbus.RegisterBlock;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A read block as a technician wants to see it when the datasheet is wrong: per address the
 * register in hex and as int16/uint16, the 32-bit types starting at that address in both word
 * orders, and the whole block as a string. Values are decoded by the gateway's own decoding ({@code
 * RegisterBlock.decode}), so what this shows is what a profile with that type would report.
 */
final class RegisterDump {

  private RegisterDump() {}

  static void print(RegisterBlock block, PrintStream out) {
    Table table = block.request().table();
    int first = block.request().address();
    int last = block.request().lastAddress();
    if (table.bits()) {
      TextTable t = new TextTable("ADDRESS", "VALUE");
      for (int a = first; a <= last; a++) {
        t.row(String.valueOf(a), block.bit(a) ? "1" : "0");
      }
      t.print(out);
      return;
    }
    TextTable t =
        new TextTable(
            "ADDRESS",
            "HEX",
            "UINT16",
            "INT16",
            "UINT32(BE)",
            "INT32(BE)",
            "FLOAT32(BE)",
            "UINT32(LE)",
            "INT32(LE)",
            "FLOAT32(LE)");
    for (int a = first; a <= last; a++) {
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(a));
      row.add(HexFormat.of().toHexDigits((short) block.register(a)));
      row.add(value(block, a, PointType.UINT16, WordOrder.BIG, 0));
      row.add(value(block, a, PointType.INT16, WordOrder.BIG, 0));
      boolean pair = a < last;
      for (WordOrder order : WordOrder.values()) {
        for (PointType type : List.of(PointType.UINT32, PointType.INT32, PointType.FLOAT32)) {
          row.add(pair ? value(block, a, type, order, 0) : "");
        }
      }
      t.row(row.toArray(String[]::new));
    }
    t.print(out);
    String text = value(block, first, PointType.STRING, WordOrder.BIG, last - first + 1);
    out.println("string: \"" + printable(text) + "\"");
  }

  private static String value(
      RegisterBlock block, int address, PointType type, WordOrder order, int n) {
    Point point =
        new Point(
            "raw",
            block.request().table(),
            address,
            type,
            order,
            -1,
            type == PointType.STRING ? n : type.fixedRegisters(),
            1.0,
            0.0,
            null,
            null,
            null,
            0);
    Object v = block.decode(point).value();
    return v instanceof Double d && type == PointType.FLOAT32
        ? Float.toString(d.floatValue())
        : String.valueOf(v);
  }

  /** Control and non-ASCII characters as {@code \xNN}, so a binary block stays one line. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\x%02x", (int) c & 0xFF));
      }
    }
    return out.toString();
  }
}
