package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.serial.SerialDeviceSim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated NMEA receiver, radar and weather station on a real pty, read by a bare master:
 * checksums checked here by hand, independently of the gateway's parsers.
 */
class SerialDeviceSimOnPtyTest {

  private static final Path PROFILES = Path.of("../../device-profiles");
  private static final Pattern SENTENCE = Pattern.compile("\\$([^*$]*)\\*([0-9A-F]{2})\r\n");

  @TempDir Path dir;

  @BeforeEach
  void needsSocat() {
    SocatTestSupport.assumeInstalled("socat");
  }

  @Test
  void theReceiverStreamsSentencesWithTheirChecksums() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        SerialDeviceSim gnss =
            SerialDeviceSim.start(
                line(pty, 9600), profile("elderly-care/gnss-nmea"), 1, 60, Duration.ofMillis(100));
        PtyMaster master = new PtyMaster(pty.masterEnd())) {
      String text =
          new String(
              master.receive(600, Duration.ofSeconds(5)).orElseThrow().bytes(),
              StandardCharsets.US_ASCII);

      Matcher m = SENTENCE.matcher(text);
      int sentences = 0;
      while (m.find()) {
        int x = 0;
        for (char c : m.group(1).toCharArray()) {
          x ^= c;
        }
        assertThat(String.format("%02X", x)).as(m.group()).isEqualTo(m.group(2));
        sentences++;
      }
      assertThat(sentences).isGreaterThanOrEqualTo(3);
      assertThat(text).contains("$GNGGA,", "$GNRMC,", "$GPGSV,");
      assertThat(gnss.expected()).containsKeys("latitude", "speed", "satellites");
      assertThat((Double) gnss.expected().get("latitude")).isBetween(30.68, 30.70);
    }
  }

  @Test
  void theRadarAnswersItsRequestWithAStatusFrame() throws Exception {
    DeviceProfile radar = profile("elderly-care/mmwave-fall-radar");
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        SerialDeviceSim sim = SerialDeviceSim.start(line(pty, 115200), radar, 2, 1, Duration.ZERO);
        PtyMaster master = new PtyMaster(pty.masterEnd())) {
      master.send(HexFormat.of().parseHex("5359808f00010fcb5443"));
      byte[] frame = master.receive(17, Duration.ofSeconds(2)).orElseThrow().bytes();

      String hex = HexFormat.of().formatHex(frame);
      assertThat(hex).startsWith("5359808f0008").endsWith("5443").hasSize(34);
      int sum = 0;
      for (int i = 0; i < 14; i++) {
        sum += frame[i] & 0xFF;
      }
      assertThat(frame[14] & 0xFF).isEqualTo(sum & 0xFF);
      assertThat(sim.requests()).isEqualTo(1);
      assertThat(sim.expected()).containsKeys("presence", "fall", "motion", "distance");
      // anything else gets no answer
      master.send(HexFormat.of().parseHex("5359808100010fbd5443"));
      assertThat(master.receive(1, Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void theWeatherStationAnswersItsPoll() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        SerialDeviceSim sim =
            SerialDeviceSim.start(
                line(pty, 19200), profile("agriculture/weather-ascii"), 3, 60, Duration.ZERO);
        PtyMaster master = new PtyMaster(pty.masterEnd())) {
      master.send("0R0\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer =
          new String(
              master.receive(60, Duration.ofSeconds(2)).orElseThrow().bytes(),
              StandardCharsets.US_ASCII);
      assertThat(answer).matches("0R0,Dm=\\d{3}D,Sm=[\\d.]+M,Ta=-?[\\d.]+C,.*Sr=[\\d.]+W\r\n");
      assertThat(sim.expected())
          .containsEntry("wind_direction", Long.parseLong(answer.substring(7, 10)));
    }
  }

  @Test
  void everyShippedSerialProfileOfAnotherProtocolThanModbusIsServed() throws Exception {
    List<String> ids;
    try (Stream<Path> files = Files.walk(PROFILES)) {
      ids =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .map(f -> PROFILES.relativize(f).toString().replace('\\', '/'))
              .map(f -> f.substring(0, f.length() - ".yaml".length()))
              .toList();
    }
    List<DeviceProfile> others = new ArrayList<>();
    for (String id : ids) {
      DeviceProfile p = profile(id);
      // GPIO profiles are served by Pi4J's mock provider and event scripts in the gateway.
      if (!p.protocol().equals(ProfileReader.MODBUS_RTU) && !p.protocol().equals("gpio")) {
        others.add(p);
      }
    }
    assertThat(others).extracting(DeviceProfile::id).contains("elderly-care/gnss-nmea");
    assertThat(others).allMatch(SerialDeviceSim::serves);
  }

  private static LineSettings line(SocatPtyPair pty, int baud) {
    return new LineSettings(pty.deviceEnd().toString(), baud, Parity.NONE, 8, 1);
  }

  private static DeviceProfile profile(String id) throws Exception {
    return ProfileReader.read(PROFILES.resolve(id + ".yaml"), id);
  }
}
