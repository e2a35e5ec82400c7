package cn.yichang.edge.demo;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import cn.yichang.edge.sim.profile.ValueTicker;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo rig's buses: per bus a socat pty pair, and on its device end simulated Modbus RTU units
 * that keep RS-485 wire timing at the bus's baud rate, serving their profiles with values that move
 * {@link #SPEED} times faster than real time.
 */
final class SimulatedBuses implements AutoCloseable {

  /** A minute of the field per second: a parked car stays 5-60 s, soil dries visibly. */
  static final double SPEED = 60;

  static final Duration TICK = Duration.ofMillis(250);

  private final Map<String, SocatPtyPair> ptys = new LinkedHashMap<>();
  private final Map<String, PacedRtuSlave> slaves = new LinkedHashMap<>();
  private final Map<String, SerialDeviceSim> serial = new LinkedHashMap<>();
  private ValueTicker ticker;

  private SimulatedBuses() {}

  /**
   * Starts every bus of {@code rig} in {@code dir}, serving each device's unit of {@code units}. On
   * failure, whatever was started is stopped again.
   */
  static SimulatedBuses start(
      DemoRig rig,
      Path dir,
      Map<DemoRig.Device, ProfileUnit> units,
      Map<DemoRig.Device, DeviceProfile> serial)
      throws IOException {
    SimulatedBuses buses = new SimulatedBuses();
    try {
      for (DemoRig.Bus bus : rig.buses()) {
        SocatPtyPair pty = SocatPtyPair.start(dir, "tty-" + bus.id(), "tty-" + bus.id() + "-sim");
        buses.ptys.put(bus.id(), pty);
        DemoRig.Device first = bus.devices().get(0);
        if (!first.modbus()) {
          // An ascii-line or framed device: alone on its line, no RS-485 pacing of Modbus frames.
          LineSettings line =
              new LineSettings(pty.deviceEnd().toString(), bus.baud(), Parity.NONE, 8, 1);
          buses.serial.put(
              bus.id(),
              SerialDeviceSim.start(
                  line, serial.get(first), first.id().hashCode(), SPEED, Duration.ofSeconds(1)));
          continue;
        }
        List<SimulatedUnit> simulated = new ArrayList<>();
        for (DemoRig.Device device : bus.devices()) {
          simulated.add(units.get(device).unit());
        }
        LineSettings line =
            new LineSettings(pty.deviceEnd().toString(), bus.baud(), Parity.NONE, 8, 1);
        buses.slaves.put(bus.id(), PacedRtuSlave.start(line, Timing.WIRE, simulated));
      }
      buses.ticker = ValueTicker.start(units.values(), TICK, SPEED);
      return buses;
    } catch (IOException | RuntimeException e) {
      buses.close();
      throw e;
    }
  }

  /** The gateway's end of each bus, by bus id. */
  Map<String, Path> gatewayPorts() {
    Map<String, Path> ports = new LinkedHashMap<>();
    ptys.forEach((id, pty) -> ports.put(id, pty.masterEnd()));
    return ports;
  }

  /** The simulator's counters of one bus, as the demo shows them. */
  record Counters(long requests, long replies, long early) {
    static Counters of(LineStatistics s) {
      return new Counters(s.requests(), s.replies(), s.earlyRequests());
    }
  }

  /** The simulator's counters of each bus, by bus id. */
  Map<String, Counters> statistics() {
    Map<String, Counters> stats = new LinkedHashMap<>();
    slaves.forEach((id, slave) -> stats.put(id, Counters.of(slave.statistics())));
    // requests the device answered, and what it sent (a streaming device: lines, unasked)
    serial.forEach((id, sim) -> stats.put(id, new Counters(sim.requests(), sim.messages(), 0)));
    return stats;
  }

  /** Values first, then the simulators (they hold the ptys open), then socat. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.close();
    }
    slaves.values().forEach(PacedRtuSlave::close);
    serial.values().forEach(SerialDeviceSim::close);
    ptys.values().forEach(SocatPtyPair::close);
  }
}
