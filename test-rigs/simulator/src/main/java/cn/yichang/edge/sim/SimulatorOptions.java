package cn.yichang.edge.sim;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.RegisterMap.Table;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The simulator's command line, parsed. Options after {@code --unit N} belong to that unit. */
record SimulatorOptions(
    LineSettings line,
    Timing timing,
    boolean exitOnStdinEof,
    List<SimulatedUnit> units,
    List<ProfileUnit> profileUnits,
    double speed,
    Duration tick) {

  static final String USAGE =
      """
      usage: simulator --port PATH [--baud 9600] [--parity none|even|odd] [--data-bits 8]
                       [--stop-bits 1] [--instant] [--exit-on-eof]
                       [--profile-dir DIR ...] [--speed 1] [--tick 200ms]
                       --unit N [--turnaround 5ms] [--holding A=V,...] [--input A=V,...]
                                [--coil A=0|1,...] [--discrete A=0|1,...]
                                [--profile ID [--seed N]]
                                [--silent | --corrupt-crc | --slow 200ms | --exception CODE]
                       [--unit N ...]
        A=V may be a range A..B=V; values are decimal or 0x-hex, registers 0..65535
        (a 32-bit value is two registers). Addresses are 0-based, as on the wire.
        --profile ID serves device-profiles/ID.yaml with moving values (the --profile-dir
        directories are searched first, then device-profiles); --speed 60 moves them 60x.
      """;

  /** Searched last for --profile: the shipped profiles, relative to the working directory. */
  static final Path DEFAULT_PROFILE_DIR = Path.of("device-profiles");

  static SimulatorOptions parse(String... args) {
    String port = null;
    int baud = 9600;
    int dataBits = 8;
    int stopBits = 1;
    Parity parity = Parity.NONE;
    Timing timing = Timing.WIRE;
    boolean exitOnEof = false;
    List<UnitSpec> units = new ArrayList<>();
    List<Path> profileDirs = new ArrayList<>();
    double speed = 1;
    Duration tick = Duration.ofMillis(200);
    UnitSpec unit = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--instant" -> timing = Timing.INSTANT;
        case "--exit-on-eof" -> exitOnEof = true;
        case "--silent" -> current(unit, option).fault(Fault.silent());
        case "--corrupt-crc" -> current(unit, option).fault(Fault.corruptCrc());
        default -> {
          String value = valueOf(args, ++i, option);
          switch (option) {
            case "--port" -> port = value;
            case "--baud" -> baud = Integer.parseInt(value);
            case "--parity" -> parity = Parity.valueOf(value.toUpperCase(Locale.ROOT));
            case "--data-bits" -> dataBits = Integer.parseInt(value);
            case "--stop-bits" -> stopBits = Integer.parseInt(value);
            case "--unit" -> {
              unit = new UnitSpec(UnitSpec.parseNumber(value));
              units.add(unit);
            }
            case "--profile-dir" -> profileDirs.add(Path.of(value));
            case "--speed" -> speed = Double.parseDouble(value);
            case "--tick" -> tick = Durations.parse(value);
            case "--profile" -> current(unit, option).profile(value);
            case "--seed" -> current(unit, option).seed(Long.parseLong(value));
            case "--turnaround" -> current(unit, option).turnaround(Durations.parse(value));
            case "--holding" -> current(unit, option).assign(Table.HOLDING, value);
            case "--input" -> current(unit, option).assign(Table.INPUT, value);
            case "--coil" -> current(unit, option).assign(Table.COIL, value);
            case "--discrete" -> current(unit, option).assign(Table.DISCRETE, value);
            case "--slow" -> current(unit, option).fault(Fault.slow(Durations.parse(value)));
            case "--exception" ->
                current(unit, option).fault(Fault.exception(UnitSpec.parseNumber(value)));
            default -> throw new IllegalArgumentException("unknown option " + option);
          }
        }
      }
    }
    if (port == null) {
      throw new IllegalArgumentException("--port is required");
    }
    if (units.isEmpty()) {
      throw new IllegalArgumentException("at least one --unit is required");
    }
    if (!(speed > 0) || tick.isZero() || tick.isNegative()) {
      throw new IllegalArgumentException("--speed and --tick must be positive");
    }
    profileDirs.add(DEFAULT_PROFILE_DIR);
    List<SimulatedUnit> built = new ArrayList<>();
    List<ProfileUnit> profiled = new ArrayList<>();
    for (UnitSpec spec : units) {
      Optional<ProfileUnit> profileUnit = spec.buildProfiled(profileDirs);
      profileUnit.ifPresent(profiled::add);
      built.add(profileUnit.map(ProfileUnit::unit).orElseGet(spec::build));
    }
    return new SimulatorOptions(
        new LineSettings(port, baud, parity, dataBits, stopBits),
        timing,
        exitOnEof,
        built,
        profiled,
        speed,
        tick);
  }

  private static UnitSpec current(UnitSpec unit, String option) {
    if (unit == null) {
      throw new IllegalArgumentException(option + " must follow --unit N");
    }
    return unit;
  }

  private static String valueOf(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
