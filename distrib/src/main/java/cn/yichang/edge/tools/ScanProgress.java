package cn.yichang.edge.tools;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.tools.BusScanner.Responder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The scan's progress on stderr: a line per line setting with its worst-case time, then a line
 * every 25 units (so a log or a phone's terminal shows it without cursor tricks), and every answer
 * as it comes.
 */
final class ScanProgress implements BusScanner.Progress {

  private static final int EVERY = 25;

  private final PrintStream err;
  private final long start = System.nanoTime();

  ScanProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void setting(LineSettings settings, int index, int of, Duration estimate) {
    err.printf(
        Locale.ROOT,
        "[%s] %d/%d %s: probing (at most %s)%n",
        elapsed(),
        index,
        of,
        BusScanner.describe(settings),
        seconds(estimate));
  }

  @Override
  public void probed(LineSettings settings, int unit, int done, int of) {
    if (done % EVERY == 0 && done < of) {
      err.printf(
          Locale.ROOT,
          "[%s]   %s: %d/%d units probed%n",
          elapsed(),
          BusScanner.describe(settings),
          done,
          of);
    }
  }

  @Override
  public void found(Responder r) {
    err.printf(
        Locale.ROOT,
        "[%s]   %s: unit %d answered: %s%n",
        elapsed(),
        BusScanner.describe(r.settings()),
        r.unit(),
        r.answer());
  }

  @Override
  public void garbled(LineSettings settings, int unit, String reason) {
    err.printf(
        Locale.ROOT,
        "[%s]   %s: unit %d: %s%n",
        elapsed(),
        BusScanner.describe(settings),
        unit,
        reason);
  }

  void done() {
    err.printf(Locale.ROOT, "[%s] scan done%n", elapsed());
  }

  private String elapsed() {
    return seconds(Duration.ofNanos(System.nanoTime() - start));
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
