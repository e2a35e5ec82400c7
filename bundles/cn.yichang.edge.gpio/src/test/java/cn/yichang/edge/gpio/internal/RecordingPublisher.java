package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Keeps every reading set published. */
final class RecordingPublisher implements ReadingPublisher {
  final List<ReadingSet> sets = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ReadingSet readings) {
    sets.add(readings);
  }

  /** Each set as {@code +MS name=value, ...} ({@code !} instead of {@code +} for an alarm). */
  List<String> described() {
    return sets.stream().map(RecordingPublisher::describe).toList();
  }

  static String describe(ReadingSet s) {
    long ms = java.time.Duration.between(ManualClockwork.START, s.timestamp()).toMillis();
    return (s.alarm() ? "!" : "+")
        + ms
        + " "
        + s.points().stream().map(RecordingPublisher::value).collect(Collectors.joining(", "));
  }

  private static String value(PointReading p) {
    Object v = p.value();
    if (v instanceof String text && text.startsWith("2026-")) {
      // an ISO time: as milliseconds from the start, like the set's own time
      v =
          java.time.Duration.between(ManualClockwork.START, java.time.Instant.parse(text))
                  .toMillis()
              + "ms";
    }
    return p.name() + "=" + v;
  }

  void clear() {
    sets.clear();
  }
}
