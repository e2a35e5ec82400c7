package cn.yichang.edge.rig;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.Fault;
import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bus of a rig: a socat pty pair, and on its device end a paced Modbus RTU slave (RS-485 wire
 * timing at the bus's baud rate) serving one {@link ProfileUnit} per device.
 */
final class SimulatedBus implements AutoCloseable {

  final Rig.Bus bus;
  private final SocatPtyPair pty;
  private final PacedRtuSlave slave;
  private final Map<String, ProfileUnit> units;

  private SimulatedBus(
      Rig.Bus bus, SocatPtyPair pty, PacedRtuSlave slave, Map<String, ProfileUnit> units) {
    this.bus = bus;
    this.pty = pty;
    this.slave = slave;
    this.units = units;
  }

  static SimulatedBus start(Rig.Bus bus, Path dir, List<Path> profileRoots, String seedText)
      throws IOException {
    Map<String, ProfileUnit> units = new LinkedHashMap<>();
    for (Rig.Device d : bus.devices()) {
      long seed = (seedText + "/" + d.id()).hashCode();
      units.put(d.id(), ProfileUnit.load(profileRoots, d.profile(), d.unit(), seed));
    }
    SocatPtyPair pty = SocatPtyPair.start(dir, "tty-" + bus.id(), "tty-" + bus.id() + "-dev");
    try {
      LineSettings line =
          new LineSettings(
              pty.deviceEnd().toString(),
              bus.baud(),
              Parity.valueOf(bus.parity().toUpperCase(java.util.Locale.ROOT)),
              bus.dataBits(),
              bus.stopBits());
      List<SimulatedUnit> served = new ArrayList<>();
      units.values().forEach(u -> served.add(u.unit()));
      PacedRtuSlave slave = PacedRtuSlave.start(line, Timing.WIRE, served);
      return new SimulatedBus(bus, pty, slave, units);
    } catch (IOException | RuntimeException e) {
      pty.close();
      throw e;
    }
  }

  /** The end the gateway opens. */
  Path gatewayPort() {
    return pty.masterEnd();
  }

  /** The line's settings as the simulator keeps them (for wire times). */
  LineSettings line() {
    return slave.line();
  }

  List<ProfileUnit> profileUnits() {
    return List.copyOf(units.values());
  }

  ProfileUnit unit(String deviceId) {
    return units.get(deviceId);
  }

  boolean has(String deviceId) {
    return units.containsKey(deviceId);
  }

  void setFault(String deviceId, Fault fault) {
    units.get(deviceId).unit().setFault(fault);
  }

  /** Writes {@code bytes} of garbage onto the line, as interference would. */
  void injectNoise(int bytes) throws IOException {
    slave.injectNoise(bytes);
  }

  LineStatistics statistics() {
    return slave.statistics();
  }

  boolean isServing() {
    return slave.isServing() && pty.isAlive();
  }

  @Override
  public void close() {
    try {
      slave.close();
    } finally {
      pty.close();
    }
  }
}
