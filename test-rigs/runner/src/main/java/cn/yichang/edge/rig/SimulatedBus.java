package cn.yichang.edge.rig;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.Fault;
import cn.yichang.edge.sim.LineStatistics;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import cn.yichang.edge.sim.profile.ProfileUnit;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bus of a rig: a socat pty pair, and on its device end a paced Modbus RTU slave (RS-485 wire
 * timing at the bus's baud rate) serving one {@link ProfileUnit} per device, or, for an ascii-line
 * or framed device (alone on its bus), a {@link SerialDeviceSim} serving its profile.
 */
final class SimulatedBus implements AutoCloseable {

  final Rig.Bus bus;
  private final SocatPtyPair pty;
  private final PacedRtuSlave slave;
  private final Map<String, ProfileUnit> units;
  private final SerialDeviceSim serial;
  private final DeviceProfile serialProfile;

  private SimulatedBus(
      Rig.Bus bus,
      SocatPtyPair pty,
      PacedRtuSlave slave,
      Map<String, ProfileUnit> units,
      SerialDeviceSim serial,
      DeviceProfile serialProfile) {
    this.bus = bus;
    this.pty = pty;
    this.slave = slave;
    this.units = units;
    this.serial = serial;
    this.serialProfile = serialProfile;
  }

  static SimulatedBus start(Rig.Bus bus, Path dir, List<Path> profileRoots, String seedText)
      throws IOException {
    SocatPtyPair pty = SocatPtyPair.start(dir, "tty-" + bus.id(), "tty-" + bus.id() + "-dev");
    try {
      LineSettings line =
          new LineSettings(
              pty.deviceEnd().toString(),
              bus.baud(),
              Parity.valueOf(bus.parity().toUpperCase(java.util.Locale.ROOT)),
              bus.dataBits(),
              bus.stopBits());
      Rig.Device first = bus.devices().get(0);
      if (!first.modbus()) {
        DeviceProfile profile = serialProfile(profileRoots, first.profile());
        long seed = (seedText + "/" + first.id()).hashCode();
        SerialDeviceSim sim =
            SerialDeviceSim.start(line, profile, seed, RigRunner.VALUE_SPEED, STREAM_PERIOD);
        return new SimulatedBus(bus, pty, null, Map.of(), sim, profile);
      }
      Map<String, ProfileUnit> units = new LinkedHashMap<>();
      for (Rig.Device d : bus.devices()) {
        long seed = (seedText + "/" + d.id()).hashCode();
        units.put(d.id(), ProfileUnit.load(profileRoots, d.profile(), d.unit(), seed));
      }
      List<SimulatedUnit> served = new ArrayList<>();
      units.values().forEach(u -> served.add(u.unit()));
      PacedRtuSlave slave = PacedRtuSlave.start(line, Timing.WIRE, served);
      return new SimulatedBus(bus, pty, slave, units, null, null);
    } catch (IOException | RuntimeException e) {
      pty.close();
      throw e;
    }
  }

  /** How often a simulated device that streams sends (an NMEA receiver: once a second). */
  static final Duration STREAM_PERIOD = Duration.ofSeconds(1);

  private static DeviceProfile serialProfile(List<Path> roots, String id) throws IOException {
    try {
      return new ProfileDirectories(roots)
          .find(id)
          .orElseThrow(() -> new IOException("no profile " + id + " in " + roots));
    } catch (ProfileException e) {
      throw new IOException("profile " + id + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The end the gateway opens. */
  Path gatewayPort() {
    return pty.masterEnd();
  }

  /** The line's settings as the simulator keeps them (for wire times). */
  LineSettings line() {
    return serial != null ? serial.line() : slave.line();
  }

  List<ProfileUnit> profileUnits() {
    return List.copyOf(units.values());
  }

  /** The Modbus unit serving a device, or null for an ascii-line or framed device. */
  ProfileUnit unit(String deviceId) {
    return units.get(deviceId);
  }

  DeviceProfile profile(String deviceId) {
    return serial != null ? serialProfile : units.get(deviceId).profile();
  }

  boolean has(String deviceId) {
    return bus.devices().stream().anyMatch(d -> d.id().equals(deviceId));
  }

  /** An ascii-line or framed device knows only silent and answering normally. */
  void setFault(String deviceId, Fault fault) {
    if (serial != null) {
      if (fault.kind() != Fault.Kind.NONE && fault.kind() != Fault.Kind.SILENT) {
        throw new IllegalArgumentException(
            deviceId + " is not a Modbus device: only device-silent applies");
      }
      serial.silent(fault.kind() == Fault.Kind.SILENT);
      return;
    }
    units.get(deviceId).unit().setFault(fault);
  }

  /** Writes {@code bytes} of garbage onto the line, as interference would. */
  void injectNoise(int bytes) throws IOException {
    if (serial != null) {
      serial.injectNoise(bytes);
      return;
    }
    slave.injectNoise(bytes);
  }

  LineStatistics statistics() {
    if (serial != null) {
      return new LineStatistics(
          serial.requests(), serial.messages(), 0, 0, 0, 0, 0, -1, 0, 0, Map.of(), 0, 0);
    }
    return slave.statistics();
  }

  boolean isServing() {
    return (serial != null ? serial.isServing() : slave.isServing()) && pty.isAlive();
  }

  @Override
  public void close() {
    try {
      if (serial != null) {
        serial.close();
      } else {
        slave.close();
      }
    } finally {
      pty.close();
    }
  }
}
