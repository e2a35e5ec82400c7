package cn.yichang.edge.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a destination gets of each poll. */
public enum ReportMode {
  /** Every reading of every poll. */
  EVERY_POLL,
  /** A point when it moved beyond its deadband, changed state, or its heartbeat is due. */
  ON_CHANGE;

  /** As the site file writes it: {@code every-poll}, {@code on-change}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * @throws IllegalArgumentException naming the modes there are
   */
  public static ReportMode of(String key) {
    for (ReportMode m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "report mode \""
            + key
            + "\": expected "
            + Arrays.stream(values()).map(ReportMode::key).collect(Collectors.joining(" or ")));
  }
}
