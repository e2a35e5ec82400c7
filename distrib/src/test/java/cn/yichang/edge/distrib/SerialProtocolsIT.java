package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution reads each shipped ascii-line and framed profile from a simulated device on
 * a pty: the NMEA receiver streaming on a port of its own, the radar answering its request frame,
 * the weather station answering its ASCII poll. The simulators run with frozen values (speed 0), so
 * every value the gateway logs must be exactly what the device sent.
 */
class SerialProtocolsIT {

  private static final Path PROFILES = GatewayProcess.HOME.resolve("device-profiles");

  @TempDir Path dir;

  @Test
  void readsEveryAsciiAndFramedProfileEndToEnd() throws Exception {
    try (SocatPtyPair gnssPty = SocatPtyPair.start(dir, "gnssGW", "gnssDEV");
        SocatPtyPair radarPty = SocatPtyPair.start(dir, "radarGW", "radarDEV");
        SocatPtyPair wxPty = SocatPtyPair.start(dir, "wxGW", "wxDEV");
        SerialDeviceSim gnss =
            SerialDeviceSim.start(
                line(gnssPty, 9600),
                profile("elderly-care/gnss-nmea"),
                11,
                0,
                Duration.ofMillis(200));
        SerialDeviceSim radar =
            SerialDeviceSim.start(
                line(radarPty, 115200),
                profile("elderly-care/mmwave-fall-radar"),
                12,
                0,
                Duration.ZERO);
        SerialDeviceSim weather =
            SerialDeviceSim.start(
                line(wxPty, 19200), profile("agriculture/weather-ascii"), 13, 0, Duration.ZERO);
        GatewayProcess gateway =
            GatewayProcess.start(
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-serial, account: yichang}
                        buses:
                          - {id: gnss, type: serial, port: %s, baud: 9600}
                          - {id: care-1, type: serial, port: %s, baud: 115200}
                          - {id: weather, type: serial, port: %s, baud: 19200}
                        devices:
                          - {id: gnss-01, profile: elderly-care/gnss-nmea, bus: gnss, poll: 2s}
                          - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: care-1, poll: 500ms}
                          - {id: wx-01, profile: agriculture/weather-ascii, bus: weather, poll: 500ms}
                        """
                            .formatted(
                                gnssPty.masterEnd(), radarPty.masterEnd(), wxPty.masterEnd()))
                    .toString())) {

      for (var device :
          List.of(
              Map.entry("gnss-01", gnss),
              Map.entry("radar-01", radar),
              Map.entry("wx-01", weather))) {
        ReadingLine reading =
            ReadingLine.parse(
                gateway.awaitLine(
                    l -> ReadingLine.isReading(l, device.getKey()) && !l.contains(": no data"),
                    Duration.ofSeconds(60)));
        assertThat(reading.errors()).as(device.getKey()).isEmpty();
        Map<String, Object> sent = device.getValue().expected();
        assertThat(reading.values()).as(device.getKey()).hasSameSizeAs(sent);
        sent.forEach(
            (name, value) ->
                assertThat(reading.values())
                    .as(device.getKey() + " " + name)
                    .containsEntry(name, String.valueOf(value)));
      }
      assertThat(gateway.lines())
          .anyMatch(l -> l.contains("gnss-01: 9 points, streaming on"))
          .anyMatch(l -> l.contains("radar-01: 9 points, polled on care-1"))
          .anyMatch(l -> l.contains("wx-01: 7 points, polled on weather"));
      assertThat(radar.requests()).isPositive();
      assertThat(weather.requests()).isPositive();

      // The receiver sends 5 times a second; the gateway reports it every 2 s, with the latest.
      List<String> gnssLines = awaitReadings(gateway, "gnss-01", 3, Duration.ofSeconds(30));
      for (int i = 1; i < gnssLines.size(); i++) {
        Duration gap =
            Duration.between(
                ReadingLine.acquiredAt(gnssLines.get(i - 1)),
                ReadingLine.acquiredAt(gnssLines.get(i)));
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
      }
      assertThat(gnss.messages()).isGreaterThan(3L * gnssLines.size());

      // Unplugged: after the profile's 5 s its values are reported as timeout.
      gnss.silent(true);
      Instant silentAt = Instant.now();
      ReadingLine stale =
          ReadingLine.parse(
              gateway.awaitLine(
                  l ->
                      ReadingLine.isReading(l, "gnss-01")
                          && ReadingLine.acquiredAt(l).isAfter(silentAt)
                          && l.contains("latitude: timeout"),
                  Duration.ofSeconds(30)));
      assertThat(stale.values()).isEmpty();

      gateway.awaitLine(l -> l.startsWith("sanxia-edge: started"), Duration.ofSeconds(30));
      assertThat(gateway.terminate()).isZero();
    }
  }

  private static List<String> awaitReadings(
      GatewayProcess gateway, String device, int count, Duration atMost) {
    gateway.awaitLine(
        l -> gateway.linesMatching(x -> ReadingLine.isReading(x, device)).size() >= count, atMost);
    return gateway.linesMatching(x -> ReadingLine.isReading(x, device));
  }

  private static LineSettings line(SocatPtyPair pty, int baud) {
    return new LineSettings(pty.deviceEnd().toString(), baud, Parity.NONE, 8, 1);
  }

  private static DeviceProfile profile(String id) throws Exception {
    return ProfileReader.read(PROFILES.resolve(id + ".yaml"), id);
  }
}
