package cn.yichang.edge.rig;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.sim.LineStatistics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a rig run saw, raw, from which {@link RigReport} is made.
 *
 * @param cutoff readings acquired before it must have reached the platform: the scenario's end,
 *     after which the runner waited for the buffer to drain
 * @param kills when the gateway was killed with SIGKILL
 * @param diskFull when the state directory was full (played disk-fill windows)
 * @param deaths gateway runs that ended without being stopped or killed, with their exit codes
 * @param stopExitCode the exit code after the final SIGTERM (-1 if it took longer than 5 s)
 * @param connections how often the gateway's log said the uplink connected
 * @param drained whether every reading acquired before the cutoff arrived before the deadline
 */
record Observations(
    Rig rig,
    boolean shortMode,
    Path workDir,
    Instant scenarioStart,
    Instant cutoff,
    Duration wallTime,
    List<LoggedReading> logged,
    List<Platform.Delivery> deliveries,
    List<TimelinePlayer.Played> played,
    List<Instant> kills,
    List<Window> diskFull,
    List<BusFigures> buses,
    RssSampler.Memory memory,
    List<String> deaths,
    int stopExitCode,
    boolean drained,
    int connections,
    long births,
    long disconnects) {

  /** A stretch of time. */
  record Window(Instant start, Instant end) {
    boolean contains(Instant t) {
      return !t.isBefore(start) && !t.isAfter(end);
    }
  }

  /** One bus's simulator counters over {@code seconds} of the gateway polling it. */
  record BusFigures(
      Rig.Bus bus,
      LineSettings line,
      LineStatistics statistics,
      double seconds,
      BusLoad.Estimate load) {}
}
