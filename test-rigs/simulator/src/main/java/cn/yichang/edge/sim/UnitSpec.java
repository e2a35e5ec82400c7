package cn.yichang.edge.sim;

import cn.yichang.edge.sim.RegisterMap.Table;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Command-line values of one unit: {@code --holding 0=123,1=65535,10..19=0} style assignments,
 * applied to a register map. A 32-bit value is given as its two registers.
 */
final class UnitSpec {

  private final int address;
  private final RegisterMap registers = new RegisterMap();
  private Duration turnaround;
  private Fault fault = Fault.none();
  private String profile;
  private long seed;
  private boolean valuesGiven;

  UnitSpec(int address) {
    this.address = address;
    this.seed = address;
  }

  /** Serve this device profile, with moving values, instead of fixed registers. */
  void profile(String id) {
    this.profile = id;
  }

  void seed(long seed) {
    this.seed = seed;
  }

  /** Applies {@code A=V,A..B=V,...}; values may be decimal or 0x-hex. */
  void assign(Table table, String assignments) {
    valuesGiven = true;
    for (String assignment : assignments.split(",")) {
      String[] parts = assignment.trim().split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected ADDRESS=VALUE: " + assignment);
      }
      int value = parseNumber(parts[1]);
      String[] range = parts[0].split("\\.\\.", 2);
      int first = parseNumber(range[0]);
      int last = range.length == 2 ? parseNumber(range[1]) : first;
      if (last < first) {
        throw new IllegalArgumentException("empty range: " + parts[0]);
      }
      for (int address = first; address <= last; address++) {
        registers.set(table, address, value);
      }
    }
  }

  void turnaround(Duration turnaround) {
    this.turnaround = turnaround;
  }

  void fault(Fault fault) {
    this.fault = fault;
  }

  SimulatedUnit build() {
    SimulatedUnit unit =
        new SimulatedUnit(
            address, registers, turnaround != null ? turnaround : SimulatedUnit.DEFAULT_TURNAROUND);
    unit.setFault(fault);
    return unit;
  }

  /** The profiled unit, if {@code --profile} was given, loaded from the first dir that has it. */
  Optional<ProfileUnit> buildProfiled(List<Path> profileDirs) {
    if (profile == null) {
      return Optional.empty();
    }
    if (valuesGiven) {
      throw new IllegalArgumentException(
          "unit " + address + ": register values cannot be combined with --profile");
    }
    ProfileUnit unit;
    try {
      unit = ProfileUnit.load(profileDirs, profile, address, seed);
    } catch (IOException e) {
      throw new IllegalArgumentException("unit " + address + ": profile " + profile + ": " + e, e);
    }
    if (turnaround != null) {
      unit.unit().setTurnaround(turnaround);
    }
    unit.unit().setFault(fault);
    return Optional.of(unit);
  }

  static int parseNumber(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("0x") || trimmed.startsWith("0X")
        ? Integer.parseInt(trimmed.substring(2), 16)
        : Integer.parseInt(trimmed);
  }
}
