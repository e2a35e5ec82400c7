package cn.yichang.edge.rig;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.sim.LineStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The report of a rig run as printed at its end. */
final class ReportText {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneId.systemDefault());

  private ReportText() {}

  static String of(RigReport report) {
    Observations run = report.run();
    Rig rig = run.rig();
    StringBuilder out = new StringBuilder();
    line(
        out,
        "== rig %s%s: %s scenario, %.1f s in all ==",
        rig.name(),
        run.shortMode() ? " (--short, times x" + rig.shortFactor() + ")" : "",
        Rig.seconds(rig.duration()),
        run.wallTime().toMillis() / 1000.0);
    line(out, "gateway %s; files in %s", rig.gatewayId(), run.workDir());
    if (!run.played().isEmpty()) {
      line(out, "timeline:");
      for (TimelinePlayer.Played p : run.played()) {
        String status =
            p.skipped() != null
                ? "SKIPPED: " + p.skipped()
                : p.failure() != null
                    ? "FAILED: " + p.failure()
                    : "played " + clock(p.start()) + " .. " + clock(p.end());
        line(out, "  %-40s %s", p.action().describe(), status);
      }
    }
    line(
        out,
        "readings (must arrive: acquired before %s, the scenario's end; %s):",
        clock(run.cutoff()),
        run.drained()
            ? "all arrived before the stop"
            : "NOT all arrived before the drain deadline");
    line(
        out,
        "  %-14s %-30s %5s %7s %7s %8s %8s %5s %7s %9s",
        "device",
        "profile",
        "poll",
        "logged",
        "failed",
        "expected",
        "received",
        "lost",
        "excused",
        "in-buffer");
    for (RigReport.DeviceRow r : report.devices()) {
      line(
          out,
          "  %-14s %-30s %5s %7d %7d %8d %8d %5d %7d %9d%s",
          r.device().id(),
          r.device().profile(),
          Rig.seconds(r.device().poll()),
          r.logged(),
          r.withFailedPoints(),
          r.expected(),
          r.received(),
          r.lost(),
          r.excused(),
          r.inBuffer(),
          r.unlogged() > 0 ? "  (" + r.unlogged() + " received but never logged)" : "");
    }
    line(
        out,
        "  failed = with a failed point (timeout, CRC error); excused = not arrived, acquired < %s"
            + " before a kill -9 or while the disk was full",
        Rig.seconds(RigReport.UNCOMMITTED));
    RigReport.SeqFigures seq = report.seq();
    line(
        out,
        "edge.seq: %d..%d, %d distinct, %d missing%s, %d duplicate deliveries",
        seq.first(),
        seq.last(),
        seq.distinct(),
        seq.missing(),
        seq.gaps().isEmpty() ? "" : " (" + String.join(", ", seq.gaps()) + ")",
        seq.duplicates());
    for (AlarmFigures.Alarm a : report.alarms()) {
      line(
          out,
          "alarm %s raised at %s: %s; %d older reading(s) were waiting in the buffer, %d arrived"
              + " before it",
          a.device(),
          Rig.seconds(java.time.Duration.between(report.run().scenarioStart(), a.acquired())),
          a.delivered() == null
              ? "never at the platform"
              : "at the platform "
                  + java.time.Duration.between(a.acquired(), a.delivered()).toMillis()
                  + " ms later",
          a.waiting(),
          a.overtaken());
    }
    line(out, "latency acquisition -> broker: all %s", latency(report.all()));
    line(
        out,
        "  after the first connection, outside outages, kills and full disks: %s",
        latency(report.undisturbed()));
    line(
        out,
        "lifecycle: gateway connected %d time(s); platform got BIRTH x%d, DC x%d",
        run.connections(),
        run.births(),
        run.disconnects());
    for (Observations.BusFigures b : run.buses()) {
      bus(out, b);
    }
    RssSampler.Memory m = run.memory();
    line(
        out,
        "gateway memory: VmHWM %d MB, VmRSS max %d MB, mean %d MB (%d samples)",
        m.peakHwmKb() / 1024,
        m.maxRssKb() / 1024,
        m.meanRssKb() / 1024,
        m.samples());
    if (report.passed()) {
      line(out, "verdict: PASS (nothing lost, no edge.seq gap, gateway stopped cleanly)");
    } else {
      line(out, "verdict: FAIL");
      report.failures().forEach(f -> line(out, "  - %s", f));
    }
    return out.toString();
  }

  private static void bus(StringBuilder out, Observations.BusFigures b) {
    LineSettings line = b.line();
    LineStatistics s = b.statistics();
    double measured = b.seconds() > 0 ? s.requests() / b.seconds() : 0;
    double ceiling = b.load().ceilingPerSecond();
    line(
        out,
        "bus %s %d %d%s%d, %d device(s): %.1f tx/s measured (%d requests in %.1f s), polls ask"
            + " %.1f tx/s, wire ceiling %.1f tx/s at this mix (%.0f%% used); early requests %d,"
            + " device-side CRC errors %d",
        b.bus().id(),
        line.baud(),
        line.dataBits(),
        line.parity().name().substring(0, 1),
        line.stopBits(),
        b.bus().devices().size(),
        measured,
        s.requests(),
        b.seconds(),
        b.load().demandPerSecond(),
        ceiling,
        ceiling > 0 ? 100 * measured / ceiling : 0,
        s.earlyRequests(),
        s.crcErrors());
  }

  private static String latency(RigReport.Latency l) {
    if (l.count() == 0) {
      return "no readings";
    }
    return String.format(
        "p50 %s, p99 %s, max %s (%d readings)", ms(l.p50()), ms(l.p99()), ms(l.max()), l.count());
  }

  private static String ms(Duration d) {
    long ms = d.toMillis();
    return ms < 10_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
  }

  private static String clock(Instant t) {
    return t == null ? "-" : CLOCK.format(t);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(format, args)).append('\n');
  }
}
