package cn.yichang.edge.demo;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform side on the terminal. With ANSI, one screen redrawn in place: device, point, value,
 * unit, age, then the buses' counters as the simulator saw them and the stream's counters. Without
 * (a pipe, a log, {@code --plain}), lines: one {@code reading} line per device that sent a new
 * reading since the last refresh, and one {@code counters} line.
 */
final class PlatformView {

  private static final String CLEAR_SCREEN = "\033[H\033[2J";
  private static final String HOME = "\033[H";
  private static final String CLEAR_LINE_END = "\033[K";
  private static final String CLEAR_BELOW = "\033[J";

  private final DemoRig rig;
  private final Map<String, DeviceProfile> profiles;
  private final String header;
  private final boolean ansi;
  private final Map<String, Long> shownCounts = new HashMap<>();
  private boolean cleared;
  private String gateway;

  /**
   * @param profiles the profile of each device, by device id (units and scales)
   * @param header what the screen says under its title: where things are
   */
  PlatformView(DemoRig rig, Map<String, DeviceProfile> profiles, String header, boolean ansi) {
    this.rig = rig;
    this.profiles = Map.copyOf(profiles);
    this.header = header;
    this.ansi = ansi;
  }

  /** The gateway's own counters, shown with the next refresh. */
  void gateway(String counters) {
    this.gateway = counters;
  }

  void show(
      PrintStream out,
      PlatformState.Snapshot snapshot,
      Map<String, SimulatedBuses.Counters> buses,
      Instant now) {
    if (ansi) {
      // clear once, then overwrite in place: no flicker
      String screen = screen(snapshot, buses, now).replace("\n", CLEAR_LINE_END + "\n");
      out.print((cleared ? HOME : CLEAR_SCREEN) + screen + CLEAR_BELOW);
      cleared = true;
    } else {
      out.print(lines(snapshot, buses, now));
    }
    out.flush();
  }

  /** The ANSI screen's content. */
  String screen(PlatformState.Snapshot s, Map<String, SimulatedBuses.Counters> buses, Instant now) {
    StringBuilder b = new StringBuilder();
    b.append(
        "Sanxia Edge demo   %s   Ctrl-C stops%n%s%n%n"
            .formatted(
                LocalTime.ofInstant(now, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS),
                header));
    b.append("%-12s %-16s %12s  %-8s %8s%n".formatted("DEVICE", "POINT", "VALUE", "UNIT", "AGE"));
    for (DemoRig.Device device : rig.devices()) {
      PlatformState.DeviceReadings readings = s.devices().get(device.id());
      if (readings == null) {
        b.append("%-12s (waiting for its first reading)%n".formatted(device.id()));
        continue;
      }
      String name = device.id();
      for (Map.Entry<String, PlatformState.Value> e : readings.points().entrySet()) {
        Point point = point(device.id(), e.getKey());
        PlatformState.Value v = e.getValue();
        String value = v.error() != null ? "error" : ValueFormat.value(v.value(), point);
        String unit = v.error() != null ? v.error() : unit(point) + (v.outOfRange() ? " (!)" : "");
        b.append(
            "%-12s %-16s %12s  %-8s %8s%n"
                .formatted(
                    name,
                    e.getKey(),
                    value,
                    unit,
                    ValueFormat.age(Duration.between(v.acquired(), now))));
        name = "";
      }
    }
    b.append(
        "%n%-10s %6s %10s %10s %7s%n".formatted("BUS", "BAUD", "REQUESTS", "REPLIES", "EARLY"));
    for (DemoRig.Bus bus : rig.buses()) {
      SimulatedBuses.Counters st = buses.get(bus.id());
      if (st != null) {
        b.append(
            "%-10s %6d %10d %10d %7d%n"
                .formatted(bus.id(), bus.baud(), st.requests(), st.replies(), st.early()));
      }
    }
    b.append("%nplatform: %s%n".formatted(streamCounters(s)));
    if (gateway != null) {
      b.append("gateway:  %s%n".formatted(gateway));
    }
    return b.toString();
  }

  /** The plain lines for one refresh. */
  String lines(PlatformState.Snapshot s, Map<String, SimulatedBuses.Counters> buses, Instant now) {
    StringBuilder b = new StringBuilder();
    for (DemoRig.Device device : rig.devices()) {
      PlatformState.DeviceReadings readings = s.devices().get(device.id());
      if (readings == null || readings.count() == shownCounts.getOrDefault(device.id(), 0L)) {
        continue;
      }
      shownCounts.put(device.id(), readings.count());
      b.append("reading ").append(device.id());
      readings
          .points()
          .forEach(
              (name, v) -> {
                Point point = point(device.id(), name);
                b.append(' ').append(name).append('=');
                if (v.error() != null) {
                  b.append("error(").append(v.error()).append(')');
                } else {
                  b.append(ValueFormat.value(v.value(), point));
                  String unit = unit(point);
                  b.append(unit.isEmpty() ? "" : " " + unit).append(v.outOfRange() ? " (!)" : "");
                }
              });
      b.append(" age=")
          .append(ValueFormat.age(Duration.between(readings.acquired(), now)).replace(" ", ""))
          .append(System.lineSeparator());
    }
    b.append("counters ").append(streamCounters(s));
    buses.forEach(
        (id, st) ->
            b.append(
                " %s[requests=%d replies=%d early=%d]"
                    .formatted(id, st.requests(), st.replies(), st.early())));
    if (gateway != null) {
      b.append(System.lineSeparator()).append("gateway ").append(gateway);
    }
    return b.append(System.lineSeparator()).toString();
  }

  private static String streamCounters(PlatformState.Snapshot s) {
    return "messages=%d birth=%s edge.seq-gaps=%d edge.seq-duplicates=%d%s"
        .formatted(
            s.messages(),
            s.births() > 0 ? "seen" : "not-yet",
            s.seqGaps(),
            s.seqDuplicates(),
            s.undecodable() > 0 ? " undecodable=" + s.undecodable() : "");
  }

  private Point point(String device, String name) {
    DeviceProfile profile = profiles.get(device);
    if (profile == null) {
      return null;
    }
    return profile.points().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  private static String unit(Point point) {
    return point == null || point.unit() == null ? "" : point.unit();
  }
}
