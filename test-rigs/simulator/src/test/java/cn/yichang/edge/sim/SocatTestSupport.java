package cn.yichang.edge.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test, with a message saying why, when a binary it needs is not installed. */
final class SocatTestSupport {

  private SocatTestSupport() {}

  static void assumeInstalled(String... commands) {
    for (String command : commands) {
      assumeTrue(
          SocatPtyPair.onPath(command),
          command + " is not installed (apt-get install " + command + "): test skipped");
    }
  }
}
