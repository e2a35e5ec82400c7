package cn.yichang.edge.report;

import cn.yichang.edge.reading.ReadingSet;
import java.time.Instant;
import java.util.Objects;

/**
 * What a destination is to be sent of one reading set.
 *
 * @param readings the points worth sending, with the set's acquisition time
 * @param lostSince when this set is the first in which the device answered nothing: the acquisition
 *     time of its last good reading ({@code null} if none was ever seen); {@code null} otherwise. A
 *     device is reported lost once, not on every poll it misses.
 */
public record Report(ReadingSet readings, Instant lostSince, boolean lost) {

  public Report {
    Objects.requireNonNull(readings, "readings");
  }

  /** An ordinary report: the device is not newly lost. */
  public static Report of(ReadingSet readings) {
    return new Report(readings, null, false);
  }
}
