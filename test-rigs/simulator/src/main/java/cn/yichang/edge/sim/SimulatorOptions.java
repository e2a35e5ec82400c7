package cn.yichang.edge.sim;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.RegisterMap.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The simulator's command line, parsed. Options after {@code --unit N} belong to that unit. */
record SimulatorOptions(
    LineSettings line, Timing timing, boolean exitOnStdinEof, List<SimulatedUnit> units) {

  static final String USAGE =
      """
      usage: simulator --port PATH [--baud 9600] [--parity none|even|odd] [--data-bits 8]
                       [--stop-bits 1] [--instant] [--exit-on-eof]
                       --unit N [--turnaround 5ms] [--holding A=V,...] [--input A=V,...]
                                [--coil A=0|1,...] [--discrete A=0|1,...]
                                [--silent | --corrupt-crc | --slow 200ms | --exception CODE]
                       [--unit N ...]
        A=V may be a range A..B=V; values are decimal or 0x-hex, registers 0..65535
        (a 32-bit value is two registers). Addresses are 0-based, as on the wire.
      """;

  static SimulatorOptions parse(String... args) {
    String port = null;
    int baud = 9600;
    int dataBits = 8;
    int stopBits = 1;
    Parity parity = Parity.NONE;
    Timing timing = Timing.WIRE;
    boolean exitOnEof = false;
    List<UnitSpec> units = new ArrayList<>();
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
    return new SimulatorOptions(
        new LineSettings(port, baud, parity, dataBits, stopBits),
        timing,
        exitOnEof,
        units.stream().map(UnitSpec::build).toList());
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
