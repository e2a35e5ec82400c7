package cn.yichang.edge.bench;

import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.broker.PkiFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The field side of the memory benchmark: one socat pty pair per bus and on its device end one
 * {@link PacedRtuSlave} serving that bus's units 1..N (soil-3in1 and ph-orp alternating, the
 * distribution's own profiles), and the site file that puts the gateway on the other ends.
 */
final class MemoryRig implements AutoCloseable {

  /** One bus: its pty pair, the gateway's line, its devices and their simulator. */
  record Bus(
      String id,
      SocatPtyPair pair,
      LineSettings line,
      List<BenchDevice> devices,
      PacedRtuSlave slave) {

    /** The line time of one round in which every device of the bus is polled once. */
    long roundNanos() {
      return devices.stream().mapToLong(d -> d.plan().estimatedNanos()).sum();
    }

    /** The device's id on the site file: unique over all buses. */
    static String deviceId(int bus, BenchDevice device) {
      return "b" + bus + "-" + device.id();
    }
  }

  private final List<Bus> buses;
  private final long pollMillis;

  private MemoryRig(List<Bus> buses, Duration poll) {
    this.buses = buses;
    this.pollMillis = poll.toMillis();
  }

  /** Starts the buses, with the profiles of the distribution in {@code home}. */
  static MemoryRig start(MemoryOptions options, Path home, Path dir)
      throws IOException, ProfileException {
    List<Bus> buses = new ArrayList<>();
    MemoryRig rig = new MemoryRig(buses, options.poll());
    try {
      Path profiles = home.resolve("device-profiles");
      for (int b = 1; b <= options.buses(); b++) {
        SocatPtyPair pair = SocatPtyPair.start(dir, "ttyGW" + b, "ttyDEV" + b);
        try {
          LineSettings line = BusBench.line(pair.masterEnd(), options.baud());
          List<BenchDevice> devices = BenchDevice.fleet(profiles, options.devicesPerBus(), line);
          PacedRtuSlave slave =
              PacedRtuSlave.start(
                  BusBench.line(pair.deviceEnd(), options.baud()),
                  options.timing(),
                  devices.stream().map(BenchDevice::simulatedUnit).toList());
          buses.add(new Bus("rs485-" + b, pair, line, devices, slave));
        } catch (IOException | ProfileException | RuntimeException e) {
          pair.close();
          throw e;
        }
      }
      return rig;
    } catch (IOException | ProfileException | RuntimeException e) {
      rig.close();
      throw e;
    }
  }

  /** The site file: every bus and device, the store in {@code dir}, the uplink to the broker. */
  Path writeSite(Path dir, String gateway, String account, String brokerUrl, PkiFiles pki)
      throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("gateway: {id: ")
        .append(gateway)
        .append(", account: ")
        .append(account)
        .append("}\n");
    yaml.append("buses:\n");
    for (Bus bus : buses) {
      yaml.append(
          String.format(
              Locale.ROOT,
              "  - {id: %s, type: serial, port: %s, baud: %d}%n",
              bus.id(),
              bus.line().port(),
              bus.line().baud()));
    }
    yaml.append("devices:\n");
    for (int b = 0; b < buses.size(); b++) {
      Bus bus = buses.get(b);
      for (BenchDevice device : bus.devices()) {
        yaml.append(
            String.format(
                Locale.ROOT,
                "  - {id: %s, profile: %s, bus: %s, unit: %d, poll: %dms}%n",
                Bus.deviceId(b + 1, device),
                device.profile().id(),
                bus.id(),
                device.unit(),
                pollMillis));
      }
    }
    yaml.append("store: {path: ").append(dir.resolve("state-gw/buffer.db")).append("}\n");
    yaml.append("uplink:\n");
    yaml.append("  url: ").append(brokerUrl).append('\n');
    yaml.append("  tls: {ca: ")
        .append(pki.caCert())
        .append(", cert: ")
        .append(pki.gateway().cert())
        .append(", key: ")
        .append(pki.gateway().key())
        .append("}\n");
    return Files.writeString(dir.resolve("site.yaml"), yaml.toString());
  }

  /** How much of each bus the polls take, by the planner's own timing model. */
  String describeLoad(Duration poll) {
    long round = buses.stream().mapToLong(Bus::roundNanos).max().orElse(0);
    return String.format(
        Locale.ROOT,
        "a round of %d devices takes %.1f ms of line time at %d baud: %.0f%% of each bus at this"
            + " poll interval",
        buses.get(0).devices().size(),
        round / 1e6,
        buses.get(0).line().baud(),
        100.0 * round / poll.toNanos());
  }

  LineStatistics[] statistics() {
    return buses.stream().map(b -> b.slave().statistics()).toArray(LineStatistics[]::new);
  }

  /** What the simulators saw between two snapshots, summed over the buses. */
  String buses(LineStatistics[] from, LineStatistics[] to) {
    long requests = 0;
    long replies = 0;
    long early = 0;
    long crc = 0;
    for (int i = 0; i < to.length; i++) {
      requests += to[i].requests() - (from == null ? 0 : from[i].requests());
      replies += to[i].replies() - (from == null ? 0 : from[i].replies());
      early += to[i].earlyRequests() - (from == null ? 0 : from[i].earlyRequests());
      crc += to[i].crcErrors() - (from == null ? 0 : from[i].crcErrors());
    }
    return String.format(
        Locale.ROOT,
        "%d requests, %d replies, %d early requests, %d CRC errors on %d buses",
        requests,
        replies,
        early,
        crc,
        to.length);
  }

  @Override
  public void close() {
    for (Bus bus : buses) {
      try {
        bus.slave().close();
      } finally {
        bus.pair().close();
      }
    }
  }
}
