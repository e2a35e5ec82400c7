package cn.yichang.edge.hj212.internal.aggregate;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** The windows the station reports over, aligned to the station's clock, and their CNs. */
public enum WindowKind {
  /** CN 2051, over the minute interval (MinInterval: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30). */
  MINUTE("2051"),
  /** CN 2061. */
  HOUR("2061"),
  /** CN 2031, from midnight in the station's time zone. */
  DAY("2031");

  private final String cn;

  WindowKind(String cn) {
    this.cn = cn;
  }

  public String cn() {
    return cn;
  }

  /** The start of the window {@code time} falls in; the minute window has {@code minutes}. */
  public LocalDateTime start(LocalDateTime time, int minutes) {
    return switch (this) {
      case MINUTE -> {
        LocalDateTime hour = time.truncatedTo(ChronoUnit.HOURS);
        yield hour.plusMinutes(time.getMinute() / minutes * minutes);
      }
      case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
      case DAY -> time.truncatedTo(ChronoUnit.DAYS);
    };
  }

  public LocalDateTime end(LocalDateTime start, int minutes) {
    return switch (this) {
      case MINUTE -> start.plusMinutes(minutes);
      case HOUR -> start.plusHours(1);
      case DAY -> start.plusDays(1);
    };
  }
}
