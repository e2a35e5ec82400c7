package cn.yichang.edge.serial;

public enum Parity {
  NONE,
  EVEN,
  ODD
}
