package cn.yichang.edge.tools;

import cn.yichang.edge.gpio.ConfiguredPull;
import cn.yichang.edge.gpio.InputMeaning;
import cn.yichang.edge.gpio.PinCheck;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Pull;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.PointResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GPIO part of {@code commission}: the site's provider opened as the gateway opens it (the mock
 * playing the site's event script from now on), then one device after another, as an installer
 * triggers one sensor at a time: the pin's level now and what it means for the profile, a prompt by
 * the input's kind, and a wait of up to {@code --gpio-timeout} for a change that outlasts the
 * profile's debounce (an occupancy input's hold-off times are not waited for: this checks the
 * wiring). A change passes with the level before and after and the time it took; none fails with
 * what to check.
 */
final class GpioCommissioning {

  static final String NO_CHANGE = "no change";
  static final String GPIO_ERROR = "gpio error";

  private final ProfileDirectories profiles;
  private final Duration timeout;
  private final PrintStream progress;

  /**
   * @param progress where the installer reads the levels and prompts (the terminal's stderr)
   */
  GpioCommissioning(ProfileDirectories profiles, Duration timeout, PrintStream progress) {
    this.profiles = profiles;
    this.timeout = timeout;
    this.progress = progress;
  }

  /** The skipped rows of every GPIO device ({@code --skip-gpio}). */
  static Map<String, DeviceResult> skipped(List<CommissionSummary.Device> devices) {
    Map<String, DeviceResult> results = new LinkedHashMap<>();
    for (CommissionSummary.Device d : devices) {
      results.put(
          d.id(),
          DeviceResult.skipped(
              d.id(), d.profile(), d.pin(), "--skip-gpio: trigger not checked; level not read"));
    }
    return results;
  }

  /** Checks each device in turn, in site order. */
  Map<String, DeviceResult> check(
      CommissionSummary.Gpio gpio, List<CommissionSummary.Device> devices)
      throws InterruptedException {
    Map<String, DeviceResult> results = new LinkedHashMap<>();
    if (devices.isEmpty()) {
      return results;
    }
    PinCheck pins;
    try {
      pins = PinCheck.open(gpio.provider(), gpio.script(), gpio.scriptScale());
    } catch (RuntimeException | LinkageError e) {
      String note = "cannot open the GPIO provider " + gpio.provider() + ": " + message(e);
      progress.println("GPIO: " + note);
      for (CommissionSummary.Device d : devices) {
        results.put(d.id(), failed(d, note));
      }
      return results;
    }
    try (pins) {
      progress.println(
          "GPIO: provider "
              + pins.provider()
              + (gpio.provider().equals("auto") ? " (auto)" : "")
              + (gpio.script() == null ? "" : ", playing the event script " + gpio.script())
              + "; "
              + devices.size()
              + " device(s), one at a time, "
              + seconds(timeout)
              + " each");
      int n = 0;
      for (CommissionSummary.Device d : devices) {
        n++;
        results.put(d.id(), check(pins, d, n, devices.size()));
      }
    }
    return results;
  }

  private DeviceResult check(PinCheck pins, CommissionSummary.Device d, int n, int of)
      throws InterruptedException {
    GpioSpec spec;
    try {
      Optional<DeviceProfile> found = profiles.find(d.profile());
      if (found.isEmpty()) {
        return DeviceResult.notChecked(d.id(), d.profile(), d.protocol(), null, 0, "not found");
      }
      spec = found.get().spec(GpioSpec.class);
    } catch (ProfileException | IllegalArgumentException e) {
      return failed(d, message(e));
    }
    Pull pull = ConfiguredPull.of(d.id(), d.pull(), spec);
    String pullName = pull.name().toLowerCase(Locale.ROOT);
    InputMeaning meaning = new InputMeaning(spec);
    String where = "GPIO " + d.pin() + ", pull " + pullName;
    try (PinCheck.Pin pin = pins.open(d.pin(), pull, spec.debounce())) {
      boolean before = pin.high();
      progress.printf(
          Locale.ROOT,
          "[%d/%d] %s (%s) on %s: now %s%n",
          n,
          of,
          d.id(),
          d.profile(),
          where,
          meaning.describe(before));
      progress.printf(
          Locale.ROOT, "      %s within %s ...%n", meaning.prompt(before), seconds(timeout));
      Optional<PinCheck.Change> change = pin.awaitChange(timeout);
      PointResult point;
      if (change.isPresent()) {
        boolean after = change.get().high();
        String took = seconds(change.get().after());
        progress.printf(Locale.ROOT, "      PASS: %s after %s%n", meaning.describe(after), took);
        point =
            new PointResult(
                spec.name(),
                InputMeaning.level(before) + "->" + InputMeaning.level(after),
                null,
                null,
                CommissionReport.OK,
                meaning.meaning(before) + " -> " + meaning.meaning(after) + " after " + took);
      } else {
        String status = NO_CHANGE + " within " + seconds(timeout);
        String detail =
            "stayed " + meaning.describe(before) + ": " + InputMeaning.check(d.pin(), pullName);
        progress.printf(Locale.ROOT, "      FAIL: %s: %s%n", status, detail);
        point =
            new PointResult(spec.name(), InputMeaning.level(before), null, null, status, detail);
      }
      return new DeviceResult(
          d.id(),
          d.profile(),
          d.protocol(),
          null,
          0,
          d.pin(),
          point.status(),
          null,
          List.of(point));
    } catch (RuntimeException | LinkageError e) {
      // Pi4J's exceptions, or a native library that does not load on this board
      String note = "cannot open " + where + ": " + message(e);
      progress.println("      FAIL: " + note);
      return failed(d, note);
    }
  }

  private static DeviceResult failed(CommissionSummary.Device d, String note) {
    return new DeviceResult(
        d.id(), d.profile(), d.protocol(), null, 0, d.pin(), GPIO_ERROR, note, List.of());
  }

  /** {@code 30 s}, {@code 2.4 s}, {@code 0.05 s}. */
  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    if (s == Math.rint(s)) {
      return String.format(Locale.ROOT, "%d s", (long) s);
    }
    return String.format(Locale.ROOT, s < 1 ? "%.2f s" : "%.1f s", s);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
