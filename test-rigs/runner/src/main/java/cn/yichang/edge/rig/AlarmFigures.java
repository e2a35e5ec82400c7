package cn.yichang.edge.rig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the alarms the gateway raised (SOS, door forced) went out ahead of the readings waiting
 * in its buffer: an alarm must not be overtaken by a reading that was acquired well before it and
 * was still undelivered when the alarm was raised (what an outage leaves in the buffer).
 */
final class AlarmFigures {

  /**
   * Readings acquired less than this before an alarm may already have been on their way (in flight)
   * when it was raised: they are not counted as overtaking it.
   */
  static final Duration IN_FLIGHT = Duration.ofSeconds(1);

  /**
   * One alarm as the platform saw it.
   *
   * @param delivered when the platform received it; null if it never did
   * @param waiting readings acquired before it (by more than {@link #IN_FLIGHT}) that were not yet
   *     at the platform when it was raised
   * @param overtaken how many of those arrived before it
   */
  record Alarm(String device, Instant acquired, Instant delivered, int waiting, int overtaken) {}

  private AlarmFigures() {}

  static List<Alarm> of(List<LoggedReading> logged, Collection<Platform.Delivery> firstDeliveries) {
    Map<String, Map<Instant, Platform.Delivery>> byDevice = new java.util.HashMap<>();
    for (Platform.Delivery d : firstDeliveries) {
      byDevice.computeIfAbsent(d.device(), k -> new java.util.HashMap<>()).put(d.acquiredAt(), d);
    }
    List<Alarm> alarms = new ArrayList<>();
    for (LoggedReading r : logged) {
      if (!r.alarm()) {
        continue;
      }
      Optional<Platform.Delivery> own =
          Optional.ofNullable(byDevice.getOrDefault(r.device(), Map.of()).get(r.acquiredAt()));
      Instant raised = r.acquiredAt();
      Instant before = raised.minus(IN_FLIGHT);
      int waiting = 0;
      int overtaken = 0;
      for (Platform.Delivery d : firstDeliveries) {
        if (d.acquiredAt().isBefore(before) && d.receivedAt().isAfter(raised)) {
          waiting++;
          if (own.isPresent() && d.receivedAt().isBefore(own.get().receivedAt())) {
            overtaken++;
          }
        }
      }
      alarms.add(
          new Alarm(
              r.device(),
              raised,
              own.map(Platform.Delivery::receivedAt).orElse(null),
              waiting,
              overtaken));
    }
    return alarms;
  }
}
