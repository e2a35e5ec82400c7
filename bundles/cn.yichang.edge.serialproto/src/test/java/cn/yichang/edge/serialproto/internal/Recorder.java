package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records what a parser found, one line per event: {@code a=1 b=x} or {@code rejected: reason}. */
final class Recorder implements MessageParser.Listener {
  final List<String> events = new ArrayList<>();
  final List<List<PointReading>> messages = new ArrayList<>();

  @Override
  public void message(List<PointReading> readings) {
    messages.add(readings);
    events.add(
        readings.stream()
            .map(
                p ->
                    p.ok()
                        ? p.name() + "=" + p.value() + (p.outOfRange() ? "!" : "")
                        : p.name() + ":" + p.error())
            .collect(Collectors.joining(" ")));
  }

  @Override
  public void rejected(String reason, String detail) {
    events.add("rejected: " + reason);
  }
}
