package cn.yichang.edge.bench;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.internal.PlannedRequest;
import cn.yichang.edge.modbus.internal.RequestPlan;
import cn.yichang.edge.modbus.internal.RequestPlanner;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.sim.SimulatedUnit;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One device of the benchmark: a real profile from {@code device-profiles/}, its unit address, and
 * the plan the gateway's planner makes for it on the benchmark's line.
 */
record BenchDevice(String id, int unit, DeviceProfile profile, RequestPlan plan) {

  /** The profiles the devices take in turn: a one-request and a two-request sensor. */
  static final List<String> PROFILES = List.of("agriculture/soil-3in1", "water/ph-orp");

  /** {@code count} devices on units 1..count, cycling through {@link #PROFILES}. */
  static List<BenchDevice> fleet(Path profileDir, int count, LineSettings line)
      throws ProfileException {
    List<DeviceProfile> profiles = new ArrayList<>();
    for (String id : PROFILES) {
      profiles.add(ProfileReader.read(profileDir.resolve(id + ".yaml"), id));
    }
    List<BenchDevice> devices = new ArrayList<>();
    for (int unit = 1; unit <= count; unit++) {
      DeviceProfile profile = profiles.get((unit - 1) % profiles.size());
      String id = profile.id().substring(profile.id().indexOf('/') + 1) + "-" + unit;
      devices.add(new BenchDevice(id, unit, profile, RequestPlanner.plan(profile, line)));
    }
    return devices;
  }

  /**
   * The {@code device-profiles} directory of the source tree: in the working directory or one of
   * its parents, else beside the benchmark's jar or classes ({@code test-rigs/bench/target/...}).
   */
  static Path findProfileDir() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(
          Path.of(BenchDevice.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      // no code source: the working directory is all there is
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("device-profiles");
        if (Files.isDirectory(candidate.resolve("agriculture"))) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException(
        "no device-profiles/ above the working directory or the jar; pass --profiles DIR");
  }

  /** The simulated unit that serves this device's profile, with the profile's turnaround. */
  SimulatedUnit simulatedUnit() {
    return new SimulatedUnit(unit, RegisterValues.serving(profile, plan), profile.turnaround());
  }

  int requestsPerPoll() {
    return plan.requests().size();
  }

  /** The reads as the libmodbus peer takes them: {@code UNIT:T:ADDR:COUNT/T:ADDR:COUNT}. */
  String peerSpec() {
    return unit
        + ":"
        + plan.requests().stream()
            .map(PlannedRequest::request)
            .map(BenchDevice::peerRead)
            .collect(Collectors.joining("/"));
  }

  private static String peerRead(ReadRequest request) {
    char table =
        switch (request.table()) {
          case HOLDING -> 'h';
          case INPUT -> 'i';
          case COIL -> 'c';
          case DISCRETE -> 'd';
        };
    return table + ":" + request.address() + ":" + request.count();
  }
}
