package cn.yichang.edge.profile;

/** Order of the 16-bit registers of a 32- or 64-bit value. */
public enum WordOrder {
  /** High word first (Modbus convention). */
  BIG,
  /** Low word first. */
  LITTLE
}
