package cn.yichang.edge.bench;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A device of a rig over a simulated day: each numeric point follows a daily cycle (2 % of its
 * range, at most 100 steps of its resolution) with a flicker of one step of the sensor's resolution
 * (its scale) on a third of the polls, quantized to that resolution; each boolean flips a few times
 * a day (a bay taken and freed, a bed left). Seeded, so every mode sees the same data.
 */
final class SimulatedDevice {
  private static final double DAY_S = 86_400;

  final String id;
  final DeviceProfile profile;
  final Duration poll;
  private final List<Model> points = new ArrayList<>();

  SimulatedDevice(String id, DeviceProfile profile, Duration poll, long seed) {
    this.id = id;
    this.profile = profile;
    this.poll = poll;
    Random random = new Random(seed);
    if (profile.spec() == null) {
      for (Point p : profile.points()) {
        points.add(Model.of(p, random));
      }
    } else {
      boolean pins = profile.protocol().equals("gpio");
      for (String name : profile.pointNames()) {
        points.add(pins ? Model.bool(name, random) : Model.numeric(name, 0, 100, 0.1, random));
      }
    }
  }

  /** The reading set of the poll at {@code at}. */
  ReadingSet read(Instant t0, Instant at) {
    double seconds = Duration.between(t0, at).toMillis() / 1000.0;
    List<PointReading> out = new ArrayList<>(points.size());
    for (Model m : points) {
      out.add(PointReading.of(m.name, m.next(seconds), null, false));
    }
    return new ReadingSet(id, at, out);
  }

  /** One point's values. */
  private static final class Model {
    final String name;
    final Random random;
    final boolean bool;
    final double min;
    final double max;
    final double resolution;
    final boolean integer;
    boolean state;

    private Model(
        String name,
        Random random,
        boolean bool,
        double min,
        double max,
        double resolution,
        boolean integer) {
      this.name = name;
      this.random = random;
      this.bool = bool;
      this.min = min;
      this.max = max;
      this.resolution = resolution;
      this.integer = integer;
    }

    static Model of(Point p, Random random) {
      if (p.type() == PointType.BOOL) {
        return bool(p.name(), random);
      }
      double min = p.min() == null ? 0 : p.min();
      double max = p.max() == null ? 1000 : p.max();
      boolean floating = p.type() == PointType.FLOAT32 || p.type() == PointType.FLOAT64;
      double resolution = floating ? (max - min) / 10_000 : p.scaled() ? p.scale() : 1;
      Model m = new Model(p.name(), random, false, min, max, resolution, !floating && !p.scaled());
      return m;
    }

    static Model bool(String name, Random random) {
      return new Model(name, random, true, 0, 1, 1, false);
    }

    static Model numeric(String name, double min, double max, double res, Random random) {
      return new Model(name, random, false, min, max, res, false);
    }

    Object next(double seconds) {
      if (bool) {
        if (random.nextDouble() < 0.0005) { // a few changes a day at a poll a minute
          state = !state;
        }
        return state;
      }
      double range = max - min;
      double mid = min + range / 2;
      double amplitude = Math.min(0.02 * range, 100 * resolution);
      double cycle = amplitude * Math.sin(2 * Math.PI * seconds / DAY_S);
      double flicker = random.nextDouble() < 1 / 3.0 ? (random.nextBoolean() ? 1 : -1) : 0;
      double value = Math.max(min, Math.min(max, mid + cycle + flicker * resolution));
      long steps = Math.round(value / resolution);
      if (integer) {
        return steps * Math.round(resolution);
      }
      return Math.round(steps * resolution * 1e6) / 1e6;
    }
  }
}
