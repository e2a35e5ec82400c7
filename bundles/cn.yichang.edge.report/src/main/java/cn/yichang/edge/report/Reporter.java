package cn.yichang.edge.report;

import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.internal.DeviceReport;
import cn.yichang.edge.report.internal.ReportStateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One destination's reporting stage: for each reading set, what is worth sending under the device's
 * policy, judged against what was last sent to this destination.
 *
 * <p>Thread-safe: devices on different buses report at the same time; one device's sets come one at
 * a time. The state (what was last sent of each point) can be saved and loaded, so that a restart
 * neither resends every unchanged point nor forgets a value that moved meanwhile.
 */
public final class Reporter {
  private final Function<String, ReportPolicy> policies;
  private final Map<String, DeviceReport> devices = new ConcurrentHashMap<>();

  /**
   * @param policies the policy of each device id (its deadbands, the destination's mode)
   */
  public Reporter(Function<String, ReportPolicy> policies) {
    this.policies = policies;
  }

  /**
   * What to send of {@code set}: empty when nothing in it is worth sending. What is returned counts
   * as sent.
   */
  public Optional<Report> filter(ReadingSet set) {
    DeviceReport device = devices.computeIfAbsent(set.deviceId(), id -> new DeviceReport());
    synchronized (device) {
      return device.filter(set, policies.apply(set.deviceId()));
    }
  }

  /**
   * Replaces the state with the file's (when there is one).
   *
   * @throws IOException when the file exists and cannot be read; the state is then empty
   */
  public void load(Path file) throws IOException {
    devices.clear();
    devices.putAll(ReportStateFile.read(file));
  }

  /** Writes the state to {@code file}, atomically (a crash leaves the previous file). */
  public void save(Path file) throws IOException {
    ReportStateFile.write(file, devices);
  }
}
