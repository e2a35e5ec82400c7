package cn.yichang.edge.modbus.internal;

import java.util.HexFormat;

/** Frames written the way they appear in a protocol analyser: {@code 01 03 00 00 00 0A C5 CD}. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }
}
