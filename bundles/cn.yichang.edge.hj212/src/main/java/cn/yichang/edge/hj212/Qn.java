package cn.yichang.edge.hj212;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Request numbers: {@code yyyyMMddHHmmssSSS}, a time to the millisecond in the station's time zone,
 * which also identifies one exchange (a reply carries the QN of what it answers).
 */
public final class Qn {
  /** The form of a QN. */
  public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /** The form of {@code DataTime}, {@code SystemTime}, {@code BeginTime} and {@code EndTime}. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private Qn() {}

  public static String of(LocalDateTime time) {
    return FORMAT.format(time);
  }

  /** The QN {@code millis} later ({@code ...999} + 1 carries into the seconds). */
  public static String plusMillis(String qn, long millis) {
    return of(LocalDateTime.parse(qn, FORMAT).plusNanos(millis * 1_000_000));
  }
}
