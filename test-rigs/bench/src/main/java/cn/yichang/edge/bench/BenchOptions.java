package cn.yichang.edge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run: the baud rates (one run each), the number of devices, warm-up and measured
 * durations, whether to measure the libmodbus peer too, and where the profiles and scratch files
 * live.
 */
record BenchOptions(
    List<Integer> bauds,
    int devices,
    Duration warmup,
    Duration measure,
    boolean peer,
    Path profileDir,
    Path workDir) {

  static final String USAGE =
      """
      usage: run-bus-bench [--seconds 20] [--warmup 3] [--bauds 9600,115200] [--devices 4]
                           [--no-peer] [--profiles DIR] [--work-dir DIR]
        --seconds   measured duration of each run (after the warm-up), decimal seconds
        --warmup    warm-up before measuring, decimal seconds
        --bauds     one run per baud rate, 8N1
        --devices   devices on the line, units 1..N, alternating soil-3in1 and ph-orp
        --no-peer   skip the libmodbus master
        --profiles  the device-profiles directory (default: found from the working directory)
      """;

  BenchOptions {
    bauds = List.copyOf(bauds);
    if (bauds.isEmpty()) {
      throw new IllegalArgumentException("no baud rate");
    }
    if (devices < 1 || devices > 32) {
      throw new IllegalArgumentException("devices must be 1..32: " + devices);
    }
    if (measure.isNegative() || measure.isZero() || warmup.isNegative()) {
      throw new IllegalArgumentException("durations must be positive");
    }
  }

  static BenchOptions parse(String... args) {
    List<Integer> bauds = List.of(9600, 115200);
    int devices = 4;
    Duration warmup = seconds("3");
    Duration measure = seconds("20");
    boolean peer = true;
    Path profiles = null;
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "sanxia-bus-bench");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--no-peer")) {
        peer = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--seconds" -> measure = seconds(value);
        case "--warmup" -> warmup = seconds(value);
        case "--devices" -> devices = Integer.parseInt(value);
        case "--profiles" -> profiles = Path.of(value);
        case "--work-dir" -> work = Path.of(value);
        case "--bauds" -> {
          List<Integer> list = new ArrayList<>();
          for (String baud : value.split(",")) {
            list.add(Integer.parseInt(baud.trim()));
          }
          bauds = list;
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new BenchOptions(
        bauds,
        devices,
        warmup,
        measure,
        peer,
        profiles != null ? profiles : BenchDevice.findProfileDir(),
        work);
  }

  private static Duration seconds(String text) {
    return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
  }
}
