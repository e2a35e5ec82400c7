package cn.yichang.edge.sim;

import cn.yichang.edge.sim.RegisterMap.Table;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commands a script may write to the simulator's stdin while it serves, so that a rig's timeline
 * can switch faults and values without restarting the device:
 *
 * <pre>
 * stats
 * fault UNIT none|silent|corrupt-crc|slow DURATION|exception CODE
 * set UNIT holding|input|coil|discrete A=V,...
 * noise BYTES
 * pin UNIT POINT VALUE      (a --profile unit serves VALUE, even out of range)
 * release UNIT POINT        (back to the moving value)
 * values UNIT               (the values a --profile unit serves now)
 * </pre>
 */
final class ConsoleCommands {

  private final PacedRtuSlave slave;
  private final PrintStream out;
  private final Map<Integer, ProfileUnit> profiled = new TreeMap<>();

  ConsoleCommands(PacedRtuSlave slave, PrintStream out) {
    this(slave, List.of(), out);
  }

  ConsoleCommands(PacedRtuSlave slave, List<ProfileUnit> profileUnits, PrintStream out) {
    this.slave = slave;
    this.out = out;
    profileUnits.forEach(unit -> profiled.put(unit.unit().address(), unit));
  }

  /** Runs one command line; answers {@code OK ...} or {@code ERROR ...} on one line. */
  void execute(String line) {
    String[] words = line.trim().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return;
    }
    try {
      switch (words[0]) {
        case "stats" -> printStatistics(slave.statistics(), out);
        case "fault" -> {
          SimulatedUnit unit = slave.unit(UnitSpec.parseNumber(argument(words, 1)));
          unit.setFault(parseFault(words));
          out.println("OK unit " + unit.address() + " fault " + unit.fault().kind());
        }
        case "set" -> {
          int address = UnitSpec.parseNumber(argument(words, 1));
          Table table = Table.valueOf(argument(words, 2).toUpperCase(Locale.ROOT));
          applyAssignments(slave.unit(address).registers(), table, argument(words, 3));
          out.println("OK unit " + address + " " + table);
        }
        case "noise" -> {
          int bytes = UnitSpec.parseNumber(argument(words, 1));
          slave.injectNoise(bytes);
          out.println("OK noise " + bytes + " bytes");
        }
        case "pin" -> {
          String point = argument(words, 2);
          profiled(argument(words, 1)).pin(point, parseValue(argument(words, 3)));
          out.println("OK unit " + words[1] + " " + point + " pinned");
        }
        case "release" -> {
          profiled(argument(words, 1)).release(argument(words, 2));
          out.println("OK unit " + words[1] + " " + words[2] + " released");
        }
        case "values" -> out.println("OK " + profiled(argument(words, 1)).expectedValues());
        default -> throw new IllegalArgumentException("unknown command " + words[0]);
      }
    } catch (RuntimeException e) {
      out.println("ERROR " + e.getMessage());
    }
    out.flush();
  }

  static void printStatistics(LineStatistics statistics, PrintStream out) {
    out.println("STATS " + statistics.summary());
    for (UnitStatistics unit : statistics.units().values()) {
      out.printf(
          "UNIT %d requests=%d replies=%d exceptions=%d%n",
          unit.unit(), unit.requests(), unit.replies(), unit.exceptions());
    }
    out.flush();
  }

  private static Fault parseFault(String[] words) {
    return switch (argument(words, 2)) {
      case "none" -> Fault.none();
      case "silent" -> Fault.silent();
      case "corrupt-crc" -> Fault.corruptCrc();
      case "slow" -> Fault.slow(Durations.parse(argument(words, 3)));
      case "exception" -> Fault.exception(UnitSpec.parseNumber(argument(words, 3)));
      default -> throw new IllegalArgumentException("unknown fault " + words[2]);
    };
  }

  private static void applyAssignments(RegisterMap registers, Table table, String assignments) {
    for (String assignment : assignments.split(",")) {
      String[] parts = assignment.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected ADDRESS=VALUE: " + assignment);
      }
      if (!registers.write(table, UnitSpec.parseNumber(parts[0]), UnitSpec.parseNumber(parts[1]))) {
        throw new IllegalArgumentException("address not mapped: " + parts[0]);
      }
    }
  }

  private ProfileUnit profiled(String unit) {
    ProfileUnit profileUnit = profiled.get(UnitSpec.parseNumber(unit));
    if (profileUnit == null) {
      throw new IllegalArgumentException("unit " + unit + " serves no profile");
    }
    return profileUnit;
  }

  private static Object parseValue(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static String argument(String[] words, int index) {
    if (index >= words.length) {
      throw new IllegalArgumentException("missing argument " + index + " of " + words[0]);
    }
    return words[index];
  }
}
