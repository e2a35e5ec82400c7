package cn.yichang.edge.profile;

/** The four Modbus data tables. */
public enum Table {
  HOLDING(false),
  INPUT(false),
  COIL(true),
  DISCRETE(true);

  private final boolean bits;

  Table(boolean bits) {
    this.bits = bits;
  }

  /** True for coil and discrete, addressed and read one bit at a time. */
  public boolean bits() {
    return bits;
  }
}
