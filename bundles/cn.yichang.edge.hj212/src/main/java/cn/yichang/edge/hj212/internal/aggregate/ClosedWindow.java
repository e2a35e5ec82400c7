package cn.yichang.edge.hj212.internal.aggregate;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A window that ended: what is sent as its CN, with {@code DataTime} its start.
 *
 * @param aggregates one per pollutant that had a sample in it, in the order they first came
 */
public record ClosedWindow(WindowKind kind, LocalDateTime start, List<Aggregate> aggregates) {
  public ClosedWindow {
    aggregates = List.copyOf(aggregates);
  }
}
