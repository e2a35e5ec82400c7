package cn.yichang.edge.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated unit misbehaves, switchable while it serves.
 *
 * @param kind what goes wrong
 * @param extraDelay added to the turnaround ({@link Kind#SLOW} only)
 * @param exceptionCode the code every request is answered with ({@link Kind#EXCEPTION} only)
 */
public record Fault(Kind kind, Duration extraDelay, int exceptionCode) {

  public enum Kind {
    /** Answers normally. */
    NONE,
    /** Never answers, as if unplugged. */
    SILENT,
    /** Answers with a wrong CRC. */
    CORRUPT_CRC,
    /** Answers after an extra delay. */
    SLOW,
    /** Answers every request with a fixed exception code. */
    EXCEPTION
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(extraDelay, "extraDelay");
    if (extraDelay.isNegative()) {
      throw new IllegalArgumentException("extra delay must not be negative: " + extraDelay);
    }
    if (kind == Kind.EXCEPTION && (exceptionCode < 1 || exceptionCode > 255)) {
      throw new IllegalArgumentException("exception code must be 1..255: " + exceptionCode);
    }
  }

  public static Fault none() {
    return new Fault(Kind.NONE, Duration.ZERO, 0);
  }

  public static Fault silent() {
    return new Fault(Kind.SILENT, Duration.ZERO, 0);
  }

  public static Fault corruptCrc() {
    return new Fault(Kind.CORRUPT_CRC, Duration.ZERO, 0);
  }

  public static Fault slow(Duration extraDelay) {
    return new Fault(Kind.SLOW, extraDelay, 0);
  }

  public static Fault exception(int code) {
    return new Fault(Kind.EXCEPTION, Duration.ZERO, code);
  }
}
