package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.profile.ProfileUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profiled unit served on a real socat pty pair answers what it says it serves. */
class ProfileUnitOnPtyTest {

  @TempDir Path dir;

  @Test
  void soilProbeAnswersItsExpectedValues() throws Exception {
    SocatTestSupport.assumeInstalled("socat");
    ProfileUnit soil =
        ProfileUnit.load(List.of(Path.of("../../device-profiles")), "agriculture/soil-3in1", 1, 8);
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                soil.unit())) {
      PtyMaster master = new PtyMaster(pty.masterEnd());
      try {
        for (int round = 0; round < 3; round++) {
          soil.advance(Duration.ofMinutes(7));
          Map<String, Object> expected = soil.expectedValues();
          master.send(RtuFrames.frame(1, 3, 0, 0, 0, 3));
          byte[] reply = master.receive(11, Duration.ofSeconds(2)).orElseThrow().bytes();
          assertThat(reply).hasSize(11).startsWith(1, 3, 6);
          assertThat(register(reply, 0) / 10.0).isEqualTo(expected.get("moisture"));
          assertThat((short) register(reply, 1) / 10.0).isEqualTo(expected.get("temperature"));
          assertThat((long) register(reply, 2)).isEqualTo(expected.get("conductivity"));
        }
      } finally {
        master.close();
      }
    }
  }

  private static int register(byte[] reply, int index) {
    return (reply[3 + 2 * index] & 0xFF) << 8 | (reply[4 + 2 * index] & 0xFF);
  }
}
