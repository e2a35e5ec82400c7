package cn.yichang.edge.demo;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.profile.ProfileUnit;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of the demo, everything in one temporary directory: the broker, the platform's
 * subscriber, the simulated buses and the gateway. {@link #close()} stops them in the order that
 * lets each stop cleanly (the gateway first, while its buses and broker are still there) and
 * removes the directory.
 */
final class Demo implements AutoCloseable {

  final Path workDir;
  final DemoRig rig;
  final Map<String, DeviceProfile> profiles;
  final PlatformState platform = new PlatformState();
  private DemoBroker broker;
  private PlatformSubscriber subscriber;
  private SimulatedBuses buses;
  private GatewayChild gateway;
  private boolean closed;

  private Demo(Path workDir, DemoRig rig, Map<String, DeviceProfile> profiles) {
    this.workDir = workDir;
    this.rig = rig;
    this.profiles = profiles;
  }

  static Demo start(DemoOptions options, PrintStream out) throws Exception {
    if (!SocatPtyPair.socatAvailable()) {
      throw new IOException(
          "socat is not installed: apt-get install socat (test-rigs/quickstart does it for you)");
    }
    List<Path> profileRoots = List.of(options.home().resolve("device-profiles"));
    Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
    Map<DemoRig.Device, ProfileUnit> units = new LinkedHashMap<>();
    Map<DemoRig.Device, DeviceProfile> serial = new LinkedHashMap<>();
    for (DemoRig.Device device : DemoRig.builtIn().devices()) {
      try {
        if (!device.modbus()) {
          DeviceProfile profile = serialProfile(profileRoots, device.profile());
          profiles.put(device.id(), profile);
          serial.put(device, profile);
          continue;
        }
        ProfileUnit unit =
            ProfileUnit.load(profileRoots, device.profile(), device.unit(), seed(device));
        profiles.put(device.id(), unit.profile());
        units.put(device, unit);
      } catch (NoSuchFileException e) {
        out.printf(
            "left out %s: no profile %s in device-profiles/%n", device.id(), device.profile());
      } catch (IOException | RuntimeException e) {
        out.printf(
            "left out %s: the simulator cannot serve %s: %s%n",
            device.id(), device.profile(), e.getMessage());
      }
    }
    DemoRig rig = DemoRig.builtIn().only(d -> units.containsKey(d) || serial.containsKey(d));
    if (rig.buses().isEmpty()) {
      throw new IOException("no demo device can be simulated");
    }
    Demo demo = new Demo(Files.createTempDirectory("sanxia-demo-"), rig, profiles);
    out.println("work dir " + demo.workDir);
    try {
      demo.broker = DemoBroker.start(demo.workDir.resolve("broker"));
      out.println("broker " + demo.broker.url() + " (Moquette, embedded, 127.0.0.1 only)");
      demo.subscriber = PlatformSubscriber.connect(demo.broker.url(), demo.platform);
      demo.buses = SimulatedBuses.start(rig, demo.workDir, units, serial);
      for (DemoRig.Bus bus : rig.buses()) {
        for (DemoRig.Device d : bus.devices()) {
          out.printf(
              "device %s %s on %s (%d baud) %s%n",
              d.id(),
              d.profile(),
              bus.id(),
              bus.baud(),
              d.modbus() ? "unit " + d.unit() : profiles.get(d.id()).protocol());
        }
      }
      Path site = SiteFile.write(demo.workDir, rig, demo.buses.gatewayPorts(), demo.broker.url());
      demo.gateway = GatewayChild.start(options.home(), site, demo.workDir);
      out.println(
          "gateway pid " + demo.gateway.pid() + ", log " + demo.workDir.resolve("gateway.log"));
      return demo;
    } catch (Exception e) {
      demo.close();
      throw e;
    }
  }

  String brokerUrl() {
    return broker.url();
  }

  SimulatedBuses buses() {
    return buses;
  }

  GatewayChild gateway() {
    return gateway;
  }

  /**
   * Stops everything that was started and removes the work directory; safe to call twice.
   *
   * @return the gateway's exit code after SIGTERM, or -1 if it had to be killed or never ran
   */
  synchronized int stop() {
    if (closed) {
      return -1;
    }
    closed = true;
    int gatewayExit = -1;
    try {
      if (gateway != null) {
        gatewayExit = gateway.isAlive() ? gateway.stop() : gateway.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (subscriber != null) {
      subscriber.close();
    }
    if (buses != null) {
      buses.close();
    }
    if (broker != null) {
      broker.close();
    }
    deleteTree(workDir);
    return gatewayExit;
  }

  @Override
  public void close() {
    stop();
  }

  /** An ascii-line or framed profile the simulator serves, or an exception saying why not. */
  private static DeviceProfile serialProfile(List<Path> roots, String id) throws IOException {
    try {
      DeviceProfile profile =
          new ProfileDirectories(roots)
              .find(id)
              .orElseThrow(() -> new NoSuchFileException(id + ".yaml"));
      if (!SerialDeviceSim.serves(profile)) {
        throw new IOException("no simulated device for " + id);
      }
      return profile;
    } catch (ProfileException e) {
      throw new IOException("invalid profile: " + e.getMessage(), e);
    }
  }

  /** The same values every run, a different walk for every device. */
  private static long seed(DemoRig.Device device) {
    return device.id().hashCode();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
