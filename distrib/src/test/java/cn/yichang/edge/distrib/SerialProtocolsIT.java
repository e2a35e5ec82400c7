package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

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

  @TempDir Path dir;

  @Test
  void readsEveryAsciiAndFramedProfileEndToEnd() throws Exception {
    try (SerialProtocolDevices devices = new SerialProtocolDevices(dir, 11);
        GatewayProcess gateway =
            GatewayProcess.start(
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-serial, account: yichang}
                        buses:
                        %s
                        devices:
                          - {id: gnss-01, profile: elderly-care/gnss-nmea, bus: gnss, poll: 2s}
                          - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: care-1, poll: 500ms}
                          - {id: wx-01, profile: agriculture/weather-ascii, bus: weather, poll: 500ms}
                        """
                            .formatted(devices.buses()))
                    .toString())) {
      SerialDeviceSim gnss = devices.gnss;
      SerialDeviceSim radar = devices.radar;
      SerialDeviceSim weather = devices.weather;

      for (var device : devices.byDevice().entrySet()) {
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
}
