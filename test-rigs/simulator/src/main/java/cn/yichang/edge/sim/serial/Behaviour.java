package cn.yichang.edge.sim.serial;

import java.util.Map;

/** What one simulated serial device says, and when. */
interface Behaviour {

  /** True for a device that talks without being asked. */
  boolean streams();

  /** A streaming device's messages for one period. */
  byte[] burst();

  /**
   * A polled device: the bytes received and not yet taken; returns the number taken (0 to wait for
   * more) and puts the answer, if any, in {@code answer[0]}.
   */
  int request(byte[] received, int length, byte[][] answer);

  /** Moves the values on by that many seconds of simulated time. */
  void advance(double seconds);

  /** The values of the last message sent, as the gateway must decode them. */
  Map<String, Object> expected();
}
