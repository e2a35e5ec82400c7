package cn.yichang.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformViewTest {

  private static final Path PROFILES = Path.of("../../device-profiles");
  private static final Instant T0 = Instant.parse("2026-11-29T02:41:07.400Z");

  private final DemoRig rig =
      new DemoRig(
          List.of(
              new DemoRig.Bus(
                  "rs485-1",
                  9600,
                  List.of(
                      new DemoRig.Device("soil-01", "agriculture/soil-3in1", 1),
                      new DemoRig.Device("ph-01", "water/ph-orp", 2)))));
  private final PlatformState state = new PlatformState();
  private final Map<String, SimulatedBuses.Counters> buses =
      Map.of("rs485-1", new SimulatedBuses.Counters(42, 41, 0));

  @Test
  void plainLinesCarryValueUnitAndAgeOfEveryNewReading() throws Exception {
    PlatformView view = view(false);
    state.data("soil-01", soil(T0, 7));
    state.birth();

    String first = view.lines(state.snapshot(), buses, T0.plusMillis(400));
    assertThat(first)
        .contains(
            "reading soil-01 moisture=31.2 % temperature=18.5 Cel conductivity=412 uS/cm"
                + " age=0.4s")
        .contains("counters messages=1 birth=seen edge.seq-gaps=0 edge.seq-duplicates=0")
        .contains("rs485-1[requests=42 replies=41 early=0]")
        .doesNotContain("ph-01");
    // nothing new from soil-01: no reading line, the counters only
    assertThat(view.lines(state.snapshot(), buses, T0.plusSeconds(1)))
        .doesNotContain("reading")
        .startsWith("counters");
  }

  @Test
  void seqGapsAndErrorsShow() throws Exception {
    state.data("soil-01", soil(T0, 7));
    state.data(
        "soil-01",
        KuraPayload.of(
            T0,
            List.of(
                new KuraMetric("moisture_error", "timeout"),
                new KuraMetric("temperature", 95.0),
                new KuraMetric("temperature_out_of_range", true),
                new KuraMetric("edge.seq", 10L))));
    String line = view(false).lines(state.snapshot(), buses, T0);
    assertThat(line)
        .contains("moisture=error(timeout) temperature=95.0 Cel (!)")
        .contains("edge.seq-gaps=2");
  }

  @Test
  void screenIsATableWithOneRowPerPoint() throws Exception {
    state.data("soil-01", soil(T0, 1));
    String screen = view(true).screen(state.snapshot(), buses, T0.plusMillis(1500));
    assertThat(screen)
        .containsPattern("soil-01 +moisture +31\\.2 +% +1\\.5 s")
        .containsPattern("\\n +temperature +18\\.5 +Cel +1\\.5 s")
        .contains("ph-01        (waiting for its first reading)")
        .containsPattern("rs485-1 +9600 +42 +41 +0");
  }

  private PlatformView view(boolean ansi) throws Exception {
    ProfileDirectories profiles = new ProfileDirectories(List.of(PROFILES));
    DeviceProfile soil = profiles.find("agriculture/soil-3in1").orElseThrow();
    DeviceProfile ph = profiles.find("water/ph-orp").orElseThrow();
    return new PlatformView(rig, Map.of("soil-01", soil, "ph-01", ph), "test", ansi);
  }

  private static KuraPayload soil(Instant acquired, long seq) {
    return KuraPayload.of(
        acquired,
        List.of(
            new KuraMetric("moisture", 31.200000000000003),
            new KuraMetric("temperature", 18.5),
            new KuraMetric("conductivity", 412L),
            new KuraMetric("edge.seq", seq)));
  }
}
