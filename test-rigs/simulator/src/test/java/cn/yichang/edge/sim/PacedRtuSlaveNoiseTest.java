package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line noise reaches the other end of a real socat pty pair, and the line serves on after it. */
class PacedRtuSlaveNoiseTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void noiseReachesTheMasterAndIsCounted() throws Exception {
    SocatTestSupport.assumeInstalled("socat");
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                new SimulatedUnit(1, new RegisterMap().holding(0, 123)))) {
      PtyMaster master = new PtyMaster(pty.masterEnd());
      try {
        byte[] garbage = {(byte) 0xFF, 0x00, 0x55, (byte) 0xAA, 0x01};
        slave.injectNoise(garbage);
        assertThat(master.receive(5, TIMEOUT).orElseThrow().bytes()).isEqualTo(garbage);

        slave.injectNoise(64);
        assertThat(master.receive(64, TIMEOUT).orElseThrow().bytes()).hasSize(64);
        await().atMost(TIMEOUT).until(() -> slave.statistics().noiseBytes() == 69);
        assertThat(slave.statistics().noiseBursts()).isEqualTo(2);
        assertThat(slave.statistics().summary()).contains("noise-bursts=2 noise-bytes=69");

        // the line still serves, and the reply is whole (no noise inside it)
        master.send(RtuFrames.frame(1, 3, 0, 0, 0, 1));
        byte[] reply = master.receive(7, TIMEOUT).orElseThrow().bytes();
        assertThat(reply).hasSize(7).startsWith(1, 3, 2, 0, 123);
        assertThat(RtuFrames.crcValid(reply, reply.length)).isTrue();
      } finally {
        master.close();
      }
    }
  }
}
