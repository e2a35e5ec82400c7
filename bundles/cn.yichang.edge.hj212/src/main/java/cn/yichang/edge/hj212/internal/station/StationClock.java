package cn.yichang.edge.hj212.internal.station;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The station's time: the system clock plus the correction the platform set (CN 1012), in the
 * station's time zone. Gateways without a real-time clock may boot far from the true time; the
 * correction fixes what the gateway sends without touching the system clock.
 */
final class StationClock {
  private final Clock system;
  private final ZoneId zone;
  private volatile long correctionMs;

  StationClock(Clock system, ZoneId zone, long correctionMs) {
    this.system = system;
    this.zone = zone;
    this.correctionMs = correctionMs;
  }

  LocalDateTime now() {
    return local(system.instant());
  }

  /** A system time (an acquisition time) on the station's clock. */
  LocalDateTime local(Instant systemTime) {
    return LocalDateTime.ofInstant(systemTime.plusMillis(correctionMs), zone);
  }

  /**
   * Sets the station's time to {@code stationTime} now.
   *
   * @return how far the station's clock moved
   */
  Duration set(LocalDateTime stationTime) {
    long before = correctionMs;
    correctionMs = stationTime.atZone(zone).toInstant().toEpochMilli() - system.millis();
    return Duration.ofMillis(correctionMs - before);
  }

  long correctionMs() {
    return correctionMs;
  }

  ZoneId zone() {
    return zone;
  }
}
