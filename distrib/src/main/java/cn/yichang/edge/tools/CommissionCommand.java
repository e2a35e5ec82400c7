package cn.yichang.edge.tools;

import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.SerialLineFactory;
import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.site.UplinkSummary;
import cn.yichang.edge.tools.Args.UsageException;
import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.UplinkStep;
import cn.yichang.edge.uplink.session.MqttSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code commission --config FILE [--skip-gpio | --gpio-timeout 30s] [--skip-uplink] [--record
 * FILE]}: the installer's acceptance test of a site. The site file is checked as {@code validate}
 * checks it; every device on a bus (Modbus RTU, ascii-line, framed) is read once as the gateway
 * reads it (one line open per bus; stop the gateway first: {@link BusCommissioning}); every GPIO
 * device shows its level and waits for the installer's trigger, one after another ({@link
 * GpioCommissioning}), or is skipped with {@code --skip-gpio} (skipped devices do not fail the
 * site; the record says skipped); the uplink is checked as {@code provision check} checks it,
 * unless {@code --skip-uplink} says this is a bench (the record says skipped). Prints a table of
 * every point and PASS or FAIL, and writes a commissioning record (JSON).
 *
 * <p>Exit codes: 0 pass, 1 fail, 2 invalid site file, 64 a usage error.
 */
public final class CommissionCommand {

  static final int PASS = 0;
  static final int FAIL = 1;
  static final int INVALID = 2;
  static final int USAGE = 64;

  static final String USAGE_TEXT =
      "usage: commission --config FILE [--skip-gpio | --gpio-timeout 30s] [--skip-uplink] [--record FILE]";

  /** How long each GPIO device's trigger is waited for. */
  static final Duration DEFAULT_GPIO_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern STEP =
      Pattern.compile("\\d+\\. (.+?): (?:OK \\((.*)\\)|FAILED: (.*))");
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SerialLineFactory lines;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  CommissionCommand(SerialLineFactory lines, Clock clock, PrintStream out, PrintStream err) {
    this.lines = lines;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws InterruptedException {
    System.exit(
        new CommissionCommand(
                SerialLineFactory.systemPorts(), Clock.systemUTC(), System.out, System.err)
            .run(Arrays.asList(args)));
  }

  int run(List<String> args) throws InterruptedException {
    Path defaultProfiles = null;
    if (args.size() >= 2 && args.get(0).equals("--default-profiles")) {
      defaultProfiles = Path.of(args.get(1));
      args = args.subList(2, args.size());
    }
    Args a;
    Duration gpioTimeout;
    try {
      a =
          Args.parse(
              "commission",
              args,
              Set.of("--config", "--record", "--gpio-timeout"),
              Set.of("--skip-gpio", "--skip-uplink"));
      a.required("--config");
      gpioTimeout = a.duration("--gpio-timeout", DEFAULT_GPIO_TIMEOUT);
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    Path file = Path.of(a.string("--config", null));
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      out.println(
          file
              + ": cannot read the site file: "
              + (Files.exists(file) ? "not a readable file" : "no such file"));
      return INVALID;
    }
    CommissionSummary site = CommissionSummary.read(file, defaultProfiles);
    if (!site.errors().isEmpty()) {
      site.errors().forEach(out::println);
      out.println("FAIL: the site file is invalid (bin/sanxia-edge validate)");
      return INVALID;
    }
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String sha256;
    try {
      sha256 = sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      out.println(file + ": cannot read the site file: " + e.getMessage());
      return INVALID;
    }

    List<DeviceResult> devices = devices(site, a.flag("--skip-gpio"), gpioTimeout);
    boolean skipUplink = a.flag("--skip-uplink");
    List<UplinkStep> uplink = skipUplink ? List.of() : uplink(file, defaultProfiles);

    CommissionReport report =
        new CommissionReport(
            site.id(),
            site.account(),
            started,
            firmwareVersion(),
            file.toAbsolutePath().toString(),
            sha256,
            devices,
            uplink,
            skipUplink);
    out.println();
    report.printTable(out);
    Path record =
        a.has("--record")
            ? Path.of(a.string("--record", null))
            : file.toAbsolutePath()
                .resolveSibling(
                    "commissioning-" + site.id() + "-" + FILE_TIME.format(started) + ".json");
    try {
      Files.writeString(record, report.toJson(), StandardCharsets.UTF_8);
      out.println("record: " + record);
    } catch (IOException e) {
      out.println("record: cannot write " + record + ": " + e.getMessage());
      return FAIL;
    }
    return report.passed() ? PASS : FAIL;
  }

  /**
   * Every device in site order: the bus devices read once, bus by bus; then the GPIO devices
   * checked one at a time (or skipped).
   */
  private List<DeviceResult> devices(CommissionSummary site, boolean skipGpio, Duration gpioTimeout)
      throws InterruptedException {
    ProfileDirectories profiles = new ProfileDirectories(site.profileDirs());
    Map<String, DeviceResult> results =
        new HashMap<>(
            new BusCommissioning(lines, profiles, err).poll(site.buses(), site.devices()));
    List<CommissionSummary.Device> gpio =
        site.devices().stream().filter(d -> d.bus() == null && d.pin() >= 0).toList();
    results.putAll(
        skipGpio
            ? GpioCommissioning.skipped(gpio)
            : new GpioCommissioning(profiles, gpioTimeout, err).check(site.gpio(), gpio));
    List<DeviceResult> out = new ArrayList<>();
    for (CommissionSummary.Device d : site.devices()) {
      DeviceResult r = results.get(d.id());
      if (r == null) {
        r =
            DeviceResult.notChecked(
                d.id(),
                d.profile(),
                d.protocol(),
                d.bus(),
                d.unit(),
                d.protocol() + ": commission has no check for this protocol");
      }
      out.add(r);
    }
    return out;
  }

  /** {@code provision check}, its output shown as it is and its steps kept for the record. */
  private List<UplinkStep> uplink(Path file, Path defaultProfiles) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    UplinkSummary site = UplinkSummary.read(file, defaultProfiles);
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      new UplinkCheck(capture).run(site);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    out.print(text);
    if (site.errors().isEmpty() && site.url() == null) {
      out.println("hint: on a bench without the platform, commission with --skip-uplink");
    }
    return steps(text);
  }

  /** The steps {@code provision check} printed; a failure before the first step is one step. */
  static List<UplinkStep> steps(String text) {
    List<UplinkStep> steps = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = STEP.matcher(line);
      if (m.matches()) {
        boolean ok = m.group(2) != null;
        steps.add(new UplinkStep(m.group(1), ok, ok ? m.group(2) : m.group(3)));
      } else if (line.startsWith("site file: FAILED")) {
        steps.add(
            new UplinkStep(
                "site file",
                false,
                line.substring("site file: FAILED".length()).replaceFirst("^:\\s*", "")));
      }
    }
    return steps;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The uplink bundle's version: what the gateway sends as firmware_version in its BIRTH. */
  static String firmwareVersion() {
    URL url = MqttSession.class.getResource("MqttSession.class");
    try {
      URLConnection c = url == null ? null : url.openConnection();
      if (c instanceof JarURLConnection jar) {
        Manifest manifest = jar.getManifest();
        String version =
            manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        if (version != null) {
          return version;
        }
      }
    } catch (IOException e) {
      // unknown
    }
    return "unknown";
  }
}
