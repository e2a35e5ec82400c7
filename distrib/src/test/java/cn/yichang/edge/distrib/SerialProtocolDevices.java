package cn.yichang.edge.distrib;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated device of each shipped non-Modbus serial kind, each on its own socat pty, with
 * frozen values (speed 0): the NMEA receiver streaming 5 times a second on bus {@code gnss} (9600),
 * the radar answering its request frame on {@code care-1} (115200), the weather station answering
 * its ASCII poll on {@code weather} (19200). Device ids are {@code gnss-01}, {@code radar-01} and
 * {@code wx-01}.
 */
final class SerialProtocolDevices implements AutoCloseable {

  static final String GNSS = "elderly-care/gnss-nmea";
  static final String RADAR = "elderly-care/mmwave-fall-radar";
  static final String WEATHER = "agriculture/weather-ascii";

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final SocatPtyPair gnssPty;
  private final SocatPtyPair radarPty;
  private final SocatPtyPair wxPty;
  final SerialDeviceSim gnss;
  final SerialDeviceSim radar;
  final SerialDeviceSim weather;

  /**
   * @param seed the first of the three simulators' seeds
   */
  SerialProtocolDevices(Path dir, long seed) throws Exception {
    try {
      gnssPty = open(SocatPtyPair.start(dir, "gnssGW", "gnssDEV"));
      radarPty = open(SocatPtyPair.start(dir, "radarGW", "radarDEV"));
      wxPty = open(SocatPtyPair.start(dir, "wxGW", "wxDEV"));
      gnss = open(sim(gnssPty, 9600, GNSS, seed, Duration.ofMillis(200)));
      radar = open(sim(radarPty, 115200, RADAR, seed + 1, Duration.ZERO));
      weather = open(sim(wxPty, 19200, WEATHER, seed + 2, Duration.ZERO));
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** The site file's {@code buses:} entries of the three devices, indented by two spaces. */
  String buses() {
    return """
          - {id: gnss, type: serial, port: %s, baud: 9600}
          - {id: care-1, type: serial, port: %s, baud: 115200}
          - {id: weather, type: serial, port: %s, baud: 19200}
        """
        .formatted(gnssPty.masterEnd(), radarPty.masterEnd(), wxPty.masterEnd());
  }

  /** The simulators by device id, in site order. */
  Map<String, SerialDeviceSim> byDevice() {
    Map<String, SerialDeviceSim> sims = new LinkedHashMap<>();
    sims.put("gnss-01", gnss);
    sims.put("radar-01", radar);
    sims.put("wx-01", weather);
    return sims;
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    opened.clear();
    if (first != null) {
      throw first;
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  private static SerialDeviceSim sim(
      SocatPtyPair pty, int baud, String profile, long seed, Duration period) throws IOException {
    LineSettings device = new LineSettings(pty.deviceEnd().toString(), baud, Parity.NONE, 8, 1);
    return SerialDeviceSim.start(device, profile(profile), seed, 0, period);
  }

  private static DeviceProfile profile(String id) {
    try {
      return ProfileReader.read(
          GatewayProcess.HOME.resolve("device-profiles").resolve(id + ".yaml"), id);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the shipped profile " + id, e);
    }
  }
}
