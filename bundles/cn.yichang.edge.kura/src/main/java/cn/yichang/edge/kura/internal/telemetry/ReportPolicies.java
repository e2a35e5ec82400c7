package cn.yichang.edge.kura.internal.telemetry;

import cn.yichang.edge.kura.telemetry.KuraTelemetryConfig;
import cn.yichang.edge.report.Deadband;
import cn.yichang.edge.report.PointDeadband;
import cn.yichang.edge.report.ReportMode;
import cn.yichang.edge.report.ReportPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.osgi.service.cm.ConfigurationException;

/** Each device's {@link ReportPolicy} as the configuration gives it: one mode, its deadbands. */
final class ReportPolicies implements Function<String, ReportPolicy> {
  private final ReportPolicy fallback;
  private final Map<String, ReportPolicy> byDevice;

  private ReportPolicies(ReportPolicy fallback, Map<String, ReportPolicy> byDevice) {
    this.fallback = fallback;
    this.byDevice = Map.copyOf(byDevice);
  }

  /**
   * @throws ConfigurationException naming the property and the entry it cannot use
   */
  static ReportPolicies of(KuraTelemetryConfig config) throws ConfigurationException {
    ReportMode mode;
    try {
      mode = ReportMode.of(config.report_mode());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("report.mode", e.getMessage());
    }
    if (config.report_heartbeat_s() < 0) {
      throw new ConfigurationException("report.heartbeat.s", "must be 0 (none) or more");
    }
    Duration heartbeat =
        config.report_heartbeat_s() == 0 ? null : Duration.ofSeconds(config.report_heartbeat_s());
    Map<String, Map<String, Deadband>> bands = new HashMap<>();
    for (String entry : config.report_deadband()) {
      try {
        PointDeadband b = PointDeadband.parse(entry);
        bands
            .computeIfAbsent(b.device(), d -> new HashMap<>())
            .put(b.point(), Deadband.parse(b.band()));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("report.deadband", e.getMessage());
      }
    }
    Map<String, ReportPolicy> byDevice = new HashMap<>();
    bands.forEach((device, b) -> byDevice.put(device, new ReportPolicy(mode, heartbeat, b)));
    return new ReportPolicies(new ReportPolicy(mode, heartbeat, Map.of()), byDevice);
  }

  @Override
  public ReportPolicy apply(String deviceId) {
    return byDevice.getOrDefault(deviceId, fallback);
  }
}
