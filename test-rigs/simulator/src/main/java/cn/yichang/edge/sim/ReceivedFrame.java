package cn.yichang.edge.sim;

import java.util.Arrays;

/** A request frame with a valid CRC, and when its first byte arrived. */
record ReceivedFrame(byte[] bytes, long firstByteNanos) {

  int unit() {
    return bytes[0] & 0xFF;
  }

  /** The PDU: function code and data, without unit and CRC. */
  byte[] pdu() {
    return Arrays.copyOfRange(bytes, 1, bytes.length - 2);
  }
}
