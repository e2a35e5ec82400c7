package cn.yichang.edge.profile;

/**
 * One value a device exposes.
 *
 * @param address the 0-based address sent on the wire
 * @param bit for a BOOL in a register table, the bit (0..15) of the register; otherwise -1
 * @param length registers of a STRING; otherwise the type's fixed size
 * @param min lower bound of the plausible range, or {@code null}; checked on the scaled value
 * @param max upper bound of the plausible range, or {@code null}
 * @param line the line of the profile file that declared this point, for error messages
 * @param writable whether remote management may write it ({@code writable: true}, holding registers
 *     and coils only)
 */
public record Point(
    String name,
    Table table,
    int address,
    PointType type,
    WordOrder wordOrder,
    int bit,
    int length,
    double scale,
    double offset,
    String unit,
    Double min,
    Double max,
    int line,
    boolean writable) {

  /** A read-only point. */
  public Point(
      String name,
      Table table,
      int address,
      PointType type,
      WordOrder wordOrder,
      int bit,
      int length,
      double scale,
      double offset,
      String unit,
      Double min,
      Double max,
      int line) {
    this(
        name, table, address, type, wordOrder, bit, length, scale, offset, unit, min, max, line,
        false);
  }

  /** Registers (or bits, for coil and discrete tables) this point occupies on the wire. */
  public int span() {
    if (table.bits()) {
      return 1;
    }
    return type == PointType.STRING ? length : type.fixedRegisters();
  }

  /** Whether raw values are transformed; scaled numbers are reported as doubles. */
  public boolean scaled() {
    return scale != 1.0 || offset != 0.0;
  }

  public boolean inRange(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }
}
