package cn.yichang.edge.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns, two spaces apart, for terminals and for {@code grep}/{@code awk}. */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(header);
  }

  void row(String... cells) {
    rows.add(cells);
  }

  void print(PrintStream out) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        line.append(row[c]).append(" ".repeat(width[c] - row[c].length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
