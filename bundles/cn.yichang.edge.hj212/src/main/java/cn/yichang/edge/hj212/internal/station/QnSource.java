package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.Qn;
import java.time.LocalDateTime;

/**
 * QNs for what the station sends: its time to the millisecond, and never the same twice (an hour's
 * end makes a 2051, a 2061 and maybe a 2031 in the same millisecond, and the platform acknowledges
 * each by its QN).
 */
final class QnSource {
  private LocalDateTime last = LocalDateTime.MIN;

  synchronized String next(LocalDateTime now) {
    LocalDateTime t = now.withNano(now.getNano() / 1_000_000 * 1_000_000);
    if (!t.isAfter(last)) {
      t = last.plusNanos(1_000_000);
    }
    last = t;
    return Qn.of(t);
  }
}
