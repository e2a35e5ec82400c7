package cn.yichang.edge.hj212.internal.aggregate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minute, hourly and daily windows of one destination, in the station's local time: every
 * sample goes into the window of each kind its time falls in, and a window closes when a sample or
 * the clock passes its end. Windows hold sums, not samples, so a day costs as little as a minute;
 * their state is saved as text ({@link #save}) so that a restart continues them. Not thread-safe.
 */
public final class Aggregator {
  private final EnumMap<WindowKind, OpenWindow> open = new EnumMap<>(WindowKind.class);
  private int minutes;
  private long late;

  /**
   * @param minutes the minute window (MinInterval)
   */
  public Aggregator(int minutes) {
    this.minutes = checkedMinutes(minutes);
  }

  /** The minute intervals the standard allows (CN 1064's MinInterval). */
  public static boolean allowedMinutes(int minutes) {
    return minutes > 0 && minutes <= 30 && 60 % minutes == 0;
  }

  /**
   * A new minute interval: the open minute window keeps its end, the next one starts there and ends
   * on the new interval's next boundary, so no two windows overlap or share a start.
   */
  public void minutes(int minutes) {
    this.minutes = checkedMinutes(minutes);
  }

  public int minutes() {
    return minutes;
  }

  /**
   * Adds the samples of one reading taken at {@code at}; returns the windows that closed because
   * {@code at} is past their end. A sample for a window already closed is counted late and left
   * out.
   */
  public List<ClosedWindow> add(LocalDateTime at, List<Sample> samples) {
    List<ClosedWindow> closed = new ArrayList<>();
    for (WindowKind kind : WindowKind.values()) {
      OpenWindow w = open.get(kind);
      if (w != null && !w.closed && !at.isBefore(w.end)) {
        closed.add(w.close(kind));
      }
      if (w == null || (w.closed && !at.isBefore(w.end))) {
        LocalDateTime start = kind.start(at, minutes);
        if (w != null && start.isBefore(w.end)) {
          start = w.end;
        }
        w = new OpenWindow(start, kind.end(kind.start(start, minutes), minutes));
        open.put(kind, w);
      }
      if (w.closed || at.isBefore(w.start)) {
        late += samples.size();
        continue;
      }
      for (Sample s : samples) {
        w.codes.computeIfAbsent(s.code(), c -> new Accumulator()).add(s.value(), s.flag());
      }
    }
    return closed;
  }

  /** Closes the windows that end at or before {@code now} (the station's time less a grace). */
  public List<ClosedWindow> closeDue(LocalDateTime now) {
    List<ClosedWindow> closed = new ArrayList<>();
    for (Map.Entry<WindowKind, OpenWindow> e : open.entrySet()) {
      OpenWindow w = e.getValue();
      if (!w.closed && !now.isBefore(w.end)) {
        closed.add(w.close(e.getKey()));
      }
    }
    return closed;
  }

  /**
   * Forgets the open windows: their samples were stamped by a clock now known to be wrong by more
   * than a window, so no DataTime would be true of them.
   *
   * @return how many samples were left out
   */
  public long discardOpen() {
    long samples = 0;
    for (OpenWindow w : open.values()) {
      if (!w.closed) {
        // every sample is in each kind's window: the fullest one counts them all
        samples =
            Math.max(
                samples, w.codes.values().stream().mapToLong(Accumulator::samples).max().orElse(0));
      }
    }
    open.clear();
    return samples;
  }

  /** Samples left out because their window had closed. */
  public long late() {
    return late;
  }

  /** The open windows, as {@link #load} reads them. */
  public String save() {
    StringBuilder s = new StringBuilder("minutes\t").append(minutes).append('\n');
    open.forEach(
        (kind, w) -> {
          if (w.closed) {
            return;
          }
          s.append(kind).append('\t').append(w.start).append('\t').append(w.end).append('\n');
          w.codes.forEach(
              (code, a) -> s.append('\t').append(code).append('\t').append(a.save()).append('\n'));
        });
    return s.toString();
  }

  /**
   * An aggregator that goes on with the saved windows; a window that ended while the gateway was
   * down closes at the next {@link #closeDue}, with the samples from before the stop.
   *
   * @throws IllegalArgumentException when {@code saved} is not what {@link #save} wrote
   */
  public static Aggregator load(String saved) {
    String[] lines = saved.split("\n");
    String[] first = lines[0].split("\t");
    if (first.length != 2 || !first[0].equals("minutes")) {
      throw new IllegalArgumentException("not a saved aggregation: " + lines[0]);
    }
    Aggregator a = new Aggregator(Integer.parseInt(first[1]));
    OpenWindow w = null;
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      if (f.length == 3 && !f[0].isEmpty()) {
        w = new OpenWindow(LocalDateTime.parse(f[1]), LocalDateTime.parse(f[2]));
        a.open.put(WindowKind.valueOf(f[0]), w);
      } else if (f.length == 3 && w != null) {
        w.codes.put(f[1], Accumulator.load(f[2]));
      } else {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " of a saved aggregation: " + lines[i]);
      }
    }
    return a;
  }

  private static int checkedMinutes(int minutes) {
    if (!allowedMinutes(minutes)) {
      throw new IllegalArgumentException(
          "a minute interval of " + minutes + ": 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30");
    }
    return minutes;
  }

  private static final class OpenWindow {
    final LocalDateTime start;
    final LocalDateTime end;
    final Map<String, Accumulator> codes = new LinkedHashMap<>();
    boolean closed;

    OpenWindow(LocalDateTime start, LocalDateTime end) {
      this.start = start;
      this.end = end;
    }

    ClosedWindow close(WindowKind kind) {
      closed = true;
      List<Aggregate> aggregates = new ArrayList<>();
      codes.forEach((code, a) -> aggregates.add(a.result(code)));
      return new ClosedWindow(kind, start, aggregates);
    }
  }
}
