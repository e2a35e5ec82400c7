package cn.yichang.edge.sim.profile;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.sim.RegisterMap;
import cn.yichang.edge.sim.SimulatedUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated device serving the points of a device profile, with values that move plausibly
 * ({@link ModelChooser} picks a model per point from its name and unit; {@link #setModel} overrides
 * one). Values are kept inside each point's min/max unless {@link #pin} asks otherwise, and the
 * same seed and the same calls give the same values. Thread-safe: a {@link ValueTicker} may advance
 * it while others read {@link #expectedValues()}.
 */
public final class ProfileUnit {

  /** The longest step a model is advanced by at once; longer advances are cut into such steps. */
  public static final double MAX_STEP_SECONDS = 10;

  private final DeviceProfile profile;
  private final SimulatedUnit unit;
  private final Map<String, Point> points = new LinkedHashMap<>();
  private final Map<String, ValueModel> models;
  private final Map<String, Object> pinned = new HashMap<>();
  private final Map<String, Object> expected = new LinkedHashMap<>();
  private final String text;
  private Duration simulated = Duration.ZERO;

  private ProfileUnit(DeviceProfile profile, int address, long seed) {
    this.profile = profile;
    profile.points().forEach(p -> points.put(p.name(), p));
    this.models = ModelChooser.choose(profile, seed);
    this.text = String.format("SX%08d", Math.floorMod(seed * 31 + address, 100_000_000L));
    RegisterMap registers = new RegisterMap();
    ProfileRegisters.map(registers, profile);
    this.unit = new SimulatedUnit(address, registers, profile.turnaround());
    writeAll();
  }

  /**
   * Loads {@code <root>/<profileId>.yaml} from the first root that has it and makes a unit serving
   * its points.
   *
   * @throws NoSuchFileException if no root has the profile
   * @throws IOException if the profile is not valid (the message lists its problems)
   */
  public static ProfileUnit load(List<Path> profileRoots, String profileId, int address, long seed)
      throws IOException {
    for (Path root : profileRoots) {
      Path file = root.resolve(profileId + ".yaml");
      if (Files.isRegularFile(file)) {
        try {
          return of(ProfileReader.read(file, profileId), address, seed);
        } catch (ProfileException e) {
          throw new IOException(file + ": " + e.problems(), e);
        }
      }
    }
    throw new NoSuchFileException(profileId + ".yaml", null, "not under any of " + profileRoots);
  }

  /** A unit serving an already read profile. */
  public static ProfileUnit of(DeviceProfile profile, int address, long seed) {
    if (profile.spec() != null) {
      throw new IllegalArgumentException(
          profile.id() + " is a " + profile.protocol() + " profile: no registers to serve");
    }
    return new ProfileUnit(profile, address, seed);
  }

  /** The unit to serve, e.g. with {@code PacedRtuSlave.start(...)}. */
  public SimulatedUnit unit() {
    return unit;
  }

  public String profileId() {
    return profile.id();
  }

  public DeviceProfile profile() {
    return profile;
  }

  /** How much simulated time has been advanced since the start. */
  public synchronized Duration simulatedTime() {
    return simulated;
  }

  /** Moves every value on by that much simulated time and writes the registers. */
  public synchronized void advance(Duration elapsed) {
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("negative time step " + elapsed);
    }
    simulated = simulated.plus(elapsed);
    double remaining = elapsed.toNanos() / 1e9;
    while (remaining > 0) {
      double step = Math.min(remaining, MAX_STEP_SECONDS);
      models.values().forEach(model -> model.advance(step));
      remaining -= step;
    }
    writeAll();
  }

  /**
   * Point name to the engineering value now served, as a correct decoder gets it: Long for an
   * unscaled integer, Double for a scaled integer or a float, Boolean, String (trailing NULs and
   * spaces dropped).
   */
  public synchronized Map<String, Object> expectedValues() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(expected));
  }

  /** Replaces the model of a point (not a string); it is advanced from the next step on. */
  public synchronized void setModel(String point, ValueModel model) {
    Point p = point(point);
    if (p.type() == PointType.STRING) {
      throw new IllegalArgumentException("a string point has a fixed value; pin it instead");
    }
    models.put(p.name(), Objects.requireNonNull(model, "model"));
    writeAll();
  }

  /**
   * Serves a fixed value, ignoring the point's min/max (a fault: a sensor reading out of range, a
   * stuck value): a Number, a Boolean, or a String for a string point. Only the type's own range
   * limits it. {@link #release} goes back to the model.
   */
  public synchronized void pin(String point, Object value) {
    pinned.put(point(point).name(), Objects.requireNonNull(value, "value"));
    writeAll();
  }

  public synchronized void release(String point) {
    pinned.remove(point(point).name());
    writeAll();
  }

  private Point point(String name) {
    Point p = points.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "no point " + name + " in " + profile.id() + " (has " + points.keySet() + ")");
    }
    return p;
  }

  private void writeAll() {
    RegisterMap registers = unit.registers();
    for (Point p : points.values()) {
      Object pin = pinned.get(p.name());
      Object served;
      if (p.type() == PointType.STRING) {
        served = PointCodec.writeString(registers, p, pin != null ? pin.toString() : text);
      } else if (pin != null) {
        served = PointCodec.write(registers, p, number(pin), false);
      } else {
        double value = models.get(p.name()).value();
        served = PointCodec.write(registers, p, ModelChooser.limits(p).clamp(value), true);
      }
      expected.put(p.name(), served);
    }
  }

  private static double number(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    return Double.parseDouble(value.toString());
  }
}
