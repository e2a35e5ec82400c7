package cn.yichang.edge.kura.internal;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a payload too large for the broker into payloads that each fit: every part has the
 * original's timestamp and position, and a point's metric travels with its {@code _error} and
 * {@code _out_of_range} companions, so that each part reads on its own as a reading set of some of
 * the device's points. The body, if any, stays with the first part.
 */
public final class PayloadSplitter {

  private static final List<String> COMPANION_SUFFIXES = List.of("_error", "_out_of_range");

  private PayloadSplitter() {}

  /**
   * @return the parts, each at most {@code maxBytes} encoded (uncompressed); empty when a single
   *     point (or the body with the timestamp) does not fit on its own, so no split can help
   */
  public static List<byte[]> split(byte[] encoded, int maxBytes)
      throws InvalidKuraPayloadException {
    KuraPayload whole = KuraPayloadReader.read(encoded);
    int header =
        KuraPayloadWriter.payload(
                new KuraPayload(whole.timestamp(), whole.position(), List.of(), null))
            .length;
    List<List<KuraMetric>> parts = new ArrayList<>();
    List<KuraMetric> current = new ArrayList<>();
    int size =
        header
            + (whole.body() == null
                ? 0
                : KuraPayloadWriter.payload(new KuraPayload(null, null, List.of(), whole.body()))
                    .length);
    if (size > maxBytes) {
      return List.of();
    }
    for (List<KuraMetric> point : byPoint(whole.metrics())) {
      int pointBytes = 0;
      for (KuraMetric m : point) {
        pointBytes += KuraPayloadWriter.metricField(m).length;
      }
      if (header + pointBytes > maxBytes) {
        return List.of();
      }
      if (size + pointBytes > maxBytes) {
        parts.add(current);
        current = new ArrayList<>();
        size = header;
      }
      current.addAll(point);
      size += pointBytes;
    }
    parts.add(current);
    List<byte[]> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      byte[] body = i == 0 ? whole.body() : null;
      out.add(
          KuraPayloadWriter.payload(
              new KuraPayload(whole.timestamp(), whole.position(), parts.get(i), body)));
    }
    return out;
  }

  /** The metrics grouped by point, in the order each point first appears. */
  private static List<List<KuraMetric>> byPoint(List<KuraMetric> metrics) {
    Map<String, List<KuraMetric>> points = new LinkedHashMap<>();
    for (KuraMetric m : metrics) {
      points.computeIfAbsent(pointOf(m.name()), k -> new ArrayList<>()).add(m);
    }
    return List.copyOf(points.values());
  }

  private static String pointOf(String metric) {
    for (String suffix : COMPANION_SUFFIXES) {
      if (metric.endsWith(suffix) && metric.length() > suffix.length()) {
        return metric.substring(0, metric.length() - suffix.length());
      }
    }
    return metric;
  }
}
