package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.report.Deadband;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code deadband:} mapping of a {@code report:} section, in a profile or on a site's device:
 * point name to band ({@code 0.05} in the point's unit, or {@code 2%} of the value last sent).
 */
public final class DeadbandsReader {
  private DeadbandsReader() {}

  /**
   * The bands of {@code report}'s {@code deadband:} key, each checked, as their canonical text.
   *
   * @param points the point names the device has; a band for another is a problem at its line
   */
  public static Map<String, String> read(MappingReader report, Collection<String> points) {
    Map<String, String> bands = new LinkedHashMap<>();
    report
        .node("deadband")
        .flatMap(
            n -> MappingReader.of(report.file(), n, report.field("deadband"), report.problems()))
        .ifPresent(
            d -> {
              for (String point : d.keys()) {
                d.string(point)
                    .ifPresent(
                        text -> {
                          if (!points.contains(point)) {
                            d.problem(
                                point,
                                "no point \""
                                    + point
                                    + "\" (points: "
                                    + String.join(", ", points)
                                    + ")");
                            return;
                          }
                          try {
                            bands.put(point, Deadband.parse(text).toString());
                          } catch (IllegalArgumentException e) {
                            d.problem(point, e.getMessage());
                          }
                        });
              }
              d.finish();
            });
    return bands;
  }
}
