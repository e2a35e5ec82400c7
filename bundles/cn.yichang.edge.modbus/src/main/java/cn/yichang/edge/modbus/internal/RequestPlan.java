package cn.yichang.edge.modbus.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reads that together cover every point of a device.
 *
 * @param estimatedNanos the line time of one complete poll: for each request its frame, the
 *     device's turnaround, the reply and one inter-frame silence
 */
public record RequestPlan(List<PlannedRequest> requests, long estimatedNanos) {

  public RequestPlan {
    requests = List.copyOf(requests);
  }

  public int pointCount() {
    return requests.stream().mapToInt(r -> r.points().size()).sum();
  }

  public Duration estimatedWireTime() {
    return Duration.ofNanos(estimatedNanos);
  }

  /**
   * The best complete polls per second this device alone could get from its line, as the optimum a
   * benchmark compares against.
   */
  public double maxPollsPerSecond() {
    return estimatedNanos == 0 ? Double.POSITIVE_INFINITY : 1e9 / estimatedNanos;
  }

  /** {@code holding 0..2, input 8..9}, for logs. */
  public String describe() {
    return requests.stream().map(r -> r.request().toString()).collect(Collectors.joining(", "));
  }
}
