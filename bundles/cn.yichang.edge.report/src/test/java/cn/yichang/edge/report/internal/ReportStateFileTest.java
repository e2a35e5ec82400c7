package cn.yichang.edge.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Deadband;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.report.ReportMode;
import cn.yichang.edge.report.ReportPolicy;
import cn.yichang.edge.report.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStateFileTest {
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
  private static final ReportPolicy POLICY =
      new ReportPolicy(
          ReportMode.ON_CHANGE, Duration.ofMinutes(15), Map.of("ph", Deadband.parse("0.05")));

  @TempDir Path dir;

  @Test
  void aReporterLoadedFromTheFileGoesOnWhereTheSavedOneStopped() throws IOException {
    Path file = dir.resolve("state/report-uplink.state");
    Reporter before = new Reporter(id -> POLICY);
    before.filter(
        set(
            "ph-01",
            T0,
            ok("ph", 7.0),
            ok("count", 12L),
            ok("door", true),
            ok("mode", "auto\tno=1%"),
            PointReading.failed("orp", null, "timeout")));
    before.save(file);

    Reporter after = new Reporter(id -> POLICY);
    after.load(file);
    // unchanged, or within the band of the value saved: nothing
    assertThat(
            after.filter(
                set(
                    "ph-01",
                    T0.plusSeconds(10),
                    ok("ph", 7.04),
                    ok("count", 12L),
                    ok("door", true),
                    ok("mode", "auto\tno=1%"),
                    PointReading.failed("orp", null, "timeout"))))
        .isEmpty();
    // moved beyond it, or recovered: sent
    Optional<Report> moved =
        after.filter(set("ph-01", T0.plusSeconds(20), ok("ph", 7.06), ok("orp", 250.0)));
    assertThat(moved.orElseThrow().readings().points())
        .extracting(PointReading::name)
        .containsExactly("ph", "orp");
    // the heartbeat of a point not sent since the restart runs on from the saved acquisition time
    assertThat(after.filter(set("ph-01", T0.plusSeconds(15 * 60 - 1), ok("count", 12L)))).isEmpty();
    assertThat(after.filter(set("ph-01", T0.plusSeconds(15 * 60), ok("count", 12L)))).isPresent();
  }

  @Test
  void aLostDeviceStaysLostAcrossTheRestart() throws IOException {
    Path file = dir.resolve("report.state");
    Reporter before = new Reporter(id -> POLICY);
    before.filter(set("soil-01", T0, ok("ph", 7.0)));
    assertThat(before.filter(set("soil-01", T0.plusSeconds(10), failed("ph"))).get().lost())
        .isTrue();
    before.save(file);

    Reporter after = new Reporter(id -> POLICY);
    after.load(file);
    assertThat(after.filter(set("soil-01", T0.plusSeconds(20), failed("ph")))).isEmpty();
    assertThat(after.filter(set("soil-01", T0.plusSeconds(30), ok("ph", 7.0))).get().lost())
        .isFalse();
  }

  @Test
  void aFileThatIsNotOursIsRefusedNamingTheLine() throws IOException {
    Path file = dir.resolve("report.state");
    Files.writeString(file, "# sanxia-edge report state 1\nD\tdev\t-\t0\nX\n");
    assertThatThrownBy(() -> ReportStateFile.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file + ":3: expected a D or a P line");
    Files.writeString(file, "hello\n");
    assertThatThrownBy(() -> ReportStateFile.read(file)).hasMessageContaining(":1: not a report");
  }

  @Test
  void noFileIsAnEmptyState() throws IOException {
    assertThat(ReportStateFile.read(dir.resolve("none"))).isEmpty();
  }

  private static PointReading ok(String point, Object value) {
    return PointReading.of(point, value, null, false);
  }

  private static PointReading failed(String point) {
    return PointReading.failed(point, null, "timeout");
  }

  private static ReadingSet set(String device, Instant at, PointReading... points) {
    return new ReadingSet(device, at, List.of(points));
  }
}
