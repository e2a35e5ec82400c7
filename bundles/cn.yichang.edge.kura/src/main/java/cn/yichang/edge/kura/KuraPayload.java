package cn.yichang.edge.kura;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A KuraPayload: optional timestamp and position, metrics in order, optional body.
 *
 * @param timestamp {@code null} when absent
 * @param position {@code null} when absent
 * @param body {@code null} when absent
 */
public record KuraPayload(
    Instant timestamp, KuraPosition position, List<KuraMetric> metrics, byte[] body) {

  public KuraPayload {
    metrics = List.copyOf(metrics);
  }

  public static KuraPayload of(Instant timestamp, List<KuraMetric> metrics) {
    return new KuraPayload(timestamp, null, metrics, null);
  }

  /** The value of the first metric with that name. */
  public Optional<Object> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).map(KuraMetric::value).findFirst();
  }
}
