package cn.yichang.edge.reading.internal;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Keeps the latest reading set of every device for the console: {@code edge:readings}. */
@Component(
    service = {ReadingSink.class, LatestReadings.class},
    property = {"osgi.command.scope=edge", "osgi.command.function=readings"})
public final class LatestReadings implements ReadingSink {

  private final Map<String, ReadingSet> latest = new ConcurrentHashMap<>();
  private final Clock clock;

  @Activate
  public LatestReadings() {
    this(Clock.systemUTC());
  }

  LatestReadings(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void accept(ReadingSet readings) {
    latest.put(readings.deviceId(), readings);
  }

  @Descriptor("show the latest value of every point of every device")
  public String readings() {
    if (latest.isEmpty()) {
      return "no readings yet";
    }
    StringBuilder out =
        new StringBuilder(
            String.format(
                "%-16s %-20s %-24s %-10s %s%n", "DEVICE", "POINT", "VALUE", "UNIT", "AGE"));
    new ConcurrentSkipListMap<>(latest)
        .forEach(
            (device, set) -> {
              String age = age(Duration.between(set.timestamp(), clock.instant()));
              for (PointReading p : set.points()) {
                String value =
                    p.ok()
                        ? ReadingFormat.value(p.value()) + (p.outOfRange() ? " (out of range)" : "")
                        : "! " + p.error();
                out.append(
                    String.format(
                        "%-16s %-20s %-24s %-10s %s%n",
                        device, p.name(), value, p.unit() == null ? "" : p.unit(), age));
              }
            });
    return out.toString();
  }

  static String age(Duration age) {
    if (age.isNegative()) {
      return "0s";
    }
    long seconds = age.toSeconds();
    return seconds < 120 ? seconds + "s" : age.toMinutes() + "m";
  }
}
