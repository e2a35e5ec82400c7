package cn.yichang.edge.profile;

/** Wire types of a point. Registers are 16-bit, big-endian within each register. */
public enum PointType {
  INT16(1),
  UINT16(1),
  INT32(2),
  UINT32(2),
  INT64(4),
  FLOAT32(2),
  FLOAT64(4),
  /** A coil or discrete input, or one bit of a register ({@link Point#bit()}). */
  BOOL(1),
  /** ASCII, two characters per register, {@link Point#length()} registers. */
  STRING(0);

  private final int registers;

  PointType(int registers) {
    this.registers = registers;
  }

  /** Registers a value of this type spans; for STRING it is the point's length. */
  public int fixedRegisters() {
    return registers;
  }

  public boolean integral() {
    return this != FLOAT32 && this != FLOAT64 && this != BOOL && this != STRING;
  }
}
