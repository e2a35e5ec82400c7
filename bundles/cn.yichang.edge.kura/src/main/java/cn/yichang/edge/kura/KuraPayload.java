package cn.yichang.edge.kura;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KuraPayload: optional timestamp and position, metrics in order, optional body.
 *
 * <p>Equality compares the body by content, so that a decoded payload equals the one that was
 * encoded.
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

  /** This payload with one more metric at the end. */
  public KuraPayload withMetric(KuraMetric extra) {
    List<KuraMetric> more = new ArrayList<>(metrics);
    more.add(extra);
    return new KuraPayload(timestamp, position, more, body);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KuraPayload that
        && Objects.equals(timestamp, that.timestamp)
        && Objects.equals(position, that.position)
        && metrics.equals(that.metrics)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, position, metrics, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "KuraPayload[timestamp="
        + timestamp
        + ", position="
        + position
        + ", metrics="
        + metrics
        + ", body="
        + (body == null ? "none" : body.length + " bytes")
        + "]";
  }
}
