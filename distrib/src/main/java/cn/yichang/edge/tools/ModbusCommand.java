package cn.yichang.edge.tools;

import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.RtuClient;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import cn.yichang.edge.tools.Args.UsageException;
import cn.yichang.edge.tools.BusScanner.Responder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code scan} and {@code read}: the installer's Modbus RTU tools, on a plain class path (the
 * distribution's jar and the bundles' jars), with the gateway's own master, line timing and
 * profiles. They open the port themselves: stop the gateway (or use another port) first.
 *
 * <p>Exit codes: 0 found / read, 1 nothing answered or the read failed, 2 the port cannot be
 * opened, 64 a usage error.
 */
public final class ModbusCommand {

  static final int OK = 0;
  static final int NOTHING = 1;
  static final int NO_PORT = 2;
  static final int USAGE = 64;

  static final String SCAN_USAGE =
      "usage: scan --port DEV [--units 1-247] [--baud 9600,19200,...] [--parity none,even,odd]"
          + " [--stop-bits 1|2] [--timeout 100ms] [--max-time 10m] [--exhaustive] [--no-profiles]"
          + " [--profiles DIR]";
  static final String READ_USAGE =
      "usage: read --port DEV --unit N [--table holding|input|coil|discrete] --address A"
          + " [--count C] [--baud 9600] [--parity none] [--data-bits 8] [--stop-bits 1]"
          + " [--timeout 500ms]";

  private final SerialLineFactory lines;
  private final PrintStream out;
  private final PrintStream err;

  ModbusCommand(SerialLineFactory lines, PrintStream out, PrintStream err) {
    this.lines = lines;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws InterruptedException {
    System.exit(
        new ModbusCommand(SerialLineFactory.systemPorts(), System.out, System.err)
            .run(Arrays.asList(args)));
  }

  int run(List<String> args) throws InterruptedException {
    Path defaultProfiles = null;
    if (args.size() >= 2 && args.get(0).equals("--default-profiles")) {
      defaultProfiles = Path.of(args.get(1));
      args = args.subList(2, args.size());
    }
    String command = args.isEmpty() ? "" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    try {
      return switch (command) {
        case "scan" -> scan(rest, defaultProfiles);
        case "read" -> read(rest);
        default -> throw new UsageException("expected scan or read");
      };
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println(command.equals("read") ? READ_USAGE : SCAN_USAGE);
      return USAGE;
    }
  }

  private int scan(List<String> rest, Path defaultProfiles)
      throws UsageException, InterruptedException {
    Args a =
        Args.parse(
            "scan",
            rest,
            Set.of(
                "--port",
                "--units",
                "--baud",
                "--parity",
                "--stop-bits",
                "--timeout",
                "--max-time",
                "--profiles"),
            Set.of("--exhaustive", "--no-profiles"));
    String port = a.required("--port");
    List<Integer> units = a.range("--units", "1-247", RtuClient.MIN_UNIT, RtuClient.MAX_UNIT);
    List<LineSettings> order = order(a, port);
    Duration timeout = a.duration("--timeout", Duration.ofMillis(100));
    Duration maxTime = a.duration("--max-time", Duration.ofMinutes(10));
    List<DeviceProfile> profiles = List.of();
    if (!a.flag("--no-profiles")) {
      String dir =
          a.string("--profiles", defaultProfiles == null ? null : defaultProfiles.toString());
      if (dir != null) {
        try {
          profiles = ProfileMatcher.load(Path.of(dir));
        } catch (IOException e) {
          err.println("scan: cannot read the profiles in " + dir + ": " + e.getMessage());
        }
      }
    }
    ScanProgress progress = new ScanProgress(err);
    BusScanner scanner = new BusScanner(lines, timeout, progress);
    Duration worst =
        order.stream()
            .map(s -> scanner.estimate(s, units.size()))
            .reduce(Duration.ZERO, Duration::plus);
    err.printf(
        Locale.ROOT,
        "scan %s: units %s, %d line setting(s), at most %s (--max-time %s)%n",
        port,
        a.string("--units", "1-247"),
        order.size(),
        ScanProgress.seconds(worst.compareTo(maxTime) < 0 ? worst : maxTime),
        ScanProgress.seconds(maxTime));
    BusScanner.Result result =
        scanner.scan(order, units, a.flag("--exhaustive"), System.nanoTime() + maxTime.toNanos());
    progress.done();
    if (result.responders().isEmpty()
        && !result.unopenable().isEmpty()
        && result.tried().size() == 1) {
      out.println("scan: cannot open the port: " + result.unopenable().get(0));
      return NO_PORT;
    }
    result.unopenable().forEach(u -> err.println("scan: could not open " + u));
    return report(result, profiles, timeout);
  }

  private int report(BusScanner.Result result, List<DeviceProfile> profiles, Duration timeout)
      throws InterruptedException {
    if (result.responders().isEmpty()) {
      out.println("no unit answered at " + describeAll(result.tried()));
      if (result.garbledAnswers() > 0) {
        out.println(
            result.garbledAnswers()
                + " garbled answer(s): something is talking on this line at another baud rate or"
                + " parity, or the A/B wires are swapped");
      }
      if (result.timedOut()) {
        out.println("stopped at --max-time before every setting was tried");
      }
      return NOTHING;
    }
    TextTable table = new TextTable("UNIT", "LINE", "ANSWER", "PROFILES THAT READ PLAUSIBLY");
    List<String> details = new ArrayList<>();
    for (Responder r : result.responders()) {
      List<ProfileMatcher.Match> plausible = List.of();
      List<ProfileMatcher.Match> all = List.of();
      if (!profiles.isEmpty()) {
        all = matches(r, profiles, timeout);
        plausible = all.stream().filter(ProfileMatcher.Match::plausible).toList();
      }
      table.row(
          String.valueOf(r.unit()),
          BusScanner.describe(r.settings()),
          r.answer(),
          profiles.isEmpty()
              ? "-"
              : plausible.isEmpty()
                  ? "(none)"
                  : String.join(
                      ", ", plausible.stream().map(ProfileMatcher.Match::profileId).toList()));
      for (ProfileMatcher.Match m : all) {
        if (m.read() == 0) {
          continue; // nothing of it is there: not worth a line
        }
        details.add("unit " + r.unit() + "  " + m.profileId() + ": " + m.summary());
      }
    }
    table.print(out);
    if (!details.isEmpty()) {
      out.println();
      details.forEach(out::println);
    }
    LineSettings s = result.responders().get(0).settings();
    out.println();
    out.printf(
        Locale.ROOT,
        "site file: {baud: %d, parity: %s, data-bits: %d, stop-bits: %d}%n",
        s.baud(),
        s.parity().name().toLowerCase(Locale.ROOT),
        s.dataBits(),
        s.stopBits());
    return OK;
  }

  private List<ProfileMatcher.Match> matches(
      Responder r, List<DeviceProfile> profiles, Duration timeout) throws InterruptedException {
    try (SerialLine line = lines.open(r.settings())) {
      // A poll waits for slow devices as the gateway would by default.
      Transactor transactor =
          Transactor.standalone(
              line,
              timeout.compareTo(Duration.ofMillis(500)) > 0 ? timeout : Duration.ofMillis(500));
      return new ProfileMatcher(profiles).matches(transactor, r.unit());
    } catch (IOException e) {
      err.println("scan: " + e.getMessage());
      return List.of();
    }
  }

  private static List<LineSettings> order(Args a, String port) throws UsageException {
    List<LineSettings> order = new ArrayList<>(BusScanner.defaultOrder(port));
    if (a.has("--baud")) {
      List<Integer> bauds = a.range("--baud", "", 300, 4_000_000);
      order.removeIf(s -> !bauds.contains(s.baud()));
      for (int baud : bauds) {
        for (Parity p : Parity.values()) {
          LineSettings s = new LineSettings(port, baud, p, 8, 1);
          if (!order.contains(s)) {
            order.add(s);
          }
        }
      }
    }
    if (a.has("--parity")) {
      List<Parity> parities = new ArrayList<>();
      for (String p : a.string("--parity", "").split(",")) {
        parities.add(Args.parity("scan", "--parity", p));
      }
      order.removeIf(s -> !parities.contains(s.parity()));
    }
    if (a.has("--stop-bits")) {
      int stop = a.integer("--stop-bits", 1, 1, 2);
      List<LineSettings> fixed = new ArrayList<>();
      for (LineSettings s : order) {
        LineSettings f = new LineSettings(port, s.baud(), s.parity(), 8, stop);
        if (!fixed.contains(f)) {
          fixed.add(f);
        }
      }
      order = fixed;
    }
    if (order.isEmpty()) {
      throw new UsageException("scan: no line setting left to try");
    }
    return order;
  }

  private static String describeAll(List<LineSettings> tried) {
    return String.join(", ", tried.stream().map(BusScanner::describe).toList());
  }

  private int read(List<String> rest) throws UsageException, InterruptedException {
    Args a =
        Args.parse(
            "read",
            rest,
            Set.of(
                "--port",
                "--unit",
                "--table",
                "--address",
                "--count",
                "--baud",
                "--parity",
                "--data-bits",
                "--stop-bits",
                "--timeout"),
            Set.of());
    String port = a.required("--port");
    int unit = a.integer("--unit", -1, RtuClient.MIN_UNIT, RtuClient.MAX_UNIT);
    if (unit < 0) {
      throw new UsageException("read: --unit is required");
    }
    Table table;
    String tableName = a.string("--table", "holding");
    try {
      table = Table.valueOf(tableName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("read: --table: holding, input, coil or discrete: " + tableName);
    }
    int address = a.integer("--address", -1, 0, 65535);
    if (address < 0) {
      throw new UsageException("read: --address is required");
    }
    int count = a.integer("--count", 1, 1, ReadRequest.maxCount(table));
    ReadRequest request;
    try {
      request = new ReadRequest(table, address, count);
    } catch (IllegalArgumentException e) {
      throw new UsageException("read: " + e.getMessage());
    }
    LineSettings settings;
    try {
      settings =
          new LineSettings(
              port,
              a.integer("--baud", 9600, 300, 4_000_000),
              Args.parity("read", "--parity", a.string("--parity", "none")),
              a.integer("--data-bits", 8, 7, 8),
              a.integer("--stop-bits", 1, 1, 2));
    } catch (IllegalArgumentException e) {
      throw new UsageException("read: " + e.getMessage());
    }
    Duration timeout = a.duration("--timeout", Duration.ofMillis(500));
    byte[] frame = RtuClient.readFrame(unit, request);
    out.println(
        "unit " + unit + " " + request + " on " + port + " at " + BusScanner.describe(settings));
    out.println("request:  " + HexFormat.ofDelimiter(" ").formatHex(frame));
    try (SerialLine line = lines.open(settings)) {
      Transactor transactor = Transactor.standalone(line, timeout);
      RtuClient.Response response;
      try {
        response = new RtuClient(transactor).read(unit, request);
      } catch (TransactionException e) {
        out.println("failed:   " + e.reason() + " (" + e.getMessage() + ")");
        return NOTHING;
      }
      out.println("response: " + HexFormat.ofDelimiter(" ").formatHex(response.frame()));
      out.println();
      RegisterDump.print(response.block(), out);
      return OK;
    } catch (IOException e) {
      out.println("read: " + e.getMessage());
      return NO_PORT;
    }
  }
}
