package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire timing through a real socat pty pair, at 9600 baud 8N1 with a 5 ms turnaround. */
class PacedRtuSlaveTimingTest {

  private static final byte[] READ_TWO = RtuFrames.frame(1, 3, 0, 0, 0, 2);
  private static final int REPLY_LENGTH = 9;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path dir;
  private SocatPtyPair pty;
  private LineSettings line;
  private PacedRtuSlave slave;
  private PtyMaster master;

  @BeforeEach
  void start() throws Exception {
    SocatTestSupport.assumeInstalled("socat");
    pty = SocatPtyPair.start(dir);
    line = new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1);
    SimulatedUnit unit = new SimulatedUnit(1, new RegisterMap().holding(0, 123, 65535));
    slave = PacedRtuSlave.start(line, Timing.WIRE, unit);
    master = new PtyMaster(pty.masterEnd());
  }

  @AfterEach
  void stop() throws Exception {
    if (master != null) {
      master.close();
    }
    if (slave != null) {
      slave.close();
    }
    if (pty != null) {
      pty.close();
    }
  }

  @Test
  void answersNoSoonerThanRequestTurnaroundAndReplyCouldCrossTheWire() throws Exception {
    long minimum = line.wireNanos(READ_TWO.length) + 5_000_000 + line.wireNanos(REPLY_LENGTH);
    long shortest = Long.MAX_VALUE;
    long longest = 0;
    for (int i = 0; i < 20; i++) {
      long sent = master.send(READ_TWO);
      PtyMaster.Reply reply = master.receive(REPLY_LENGTH, TIMEOUT).orElseThrow();
      assertThat(RtuFrames.hex(reply.bytes())).isEqualTo("01 03 04 00 7b ff ff 8b 9a");
      long took = reply.lastByteNanos() - sent;
      shortest = Math.min(shortest, took);
      longest = Math.max(longest, took);
      waitPastTheSilence(reply);
    }
    System.out.printf(
        "FC3 at 9600 8N1: minimum %.3f ms, measured %.3f..%.3f ms over 20; %s%n",
        minimum / 1e6, shortest / 1e6, longest / 1e6, slave.statistics().summary());

    assertThat(shortest).isGreaterThanOrEqualTo(minimum);
    assertThat(slave.statistics().earlyRequests()).isZero();
  }

  @Test
  void countsARequestSentBeforeTheLineWasSilentAsEarly() throws Exception {
    // At 300 baud the silence after a reply is 117 ms, not 4: a send "at once" stays early even
    // when the test thread is descheduled for a while on a loaded machine.
    slave.close();
    line = new LineSettings(pty.deviceEnd().toString(), 300, Parity.NONE, 8, 1);
    slave =
        PacedRtuSlave.start(
            line, Timing.WIRE, new SimulatedUnit(1, new RegisterMap().holding(0, 123, 65535)));
    master.send(READ_TWO);
    master.receive(REPLY_LENGTH, TIMEOUT).orElseThrow();
    master.send(READ_TWO); // at once: well inside the silence after the reply
    PtyMaster.Reply second = master.receive(REPLY_LENGTH, TIMEOUT).orElseThrow();

    await().atMost(TIMEOUT).until(() -> slave.statistics().replies() == 2);
    assertThat(slave.statistics().earlyRequests()).isEqualTo(1);

    waitPastTheSilence(second);
    master.send(READ_TWO);
    master.receive(REPLY_LENGTH, TIMEOUT).orElseThrow();

    await().atMost(TIMEOUT).until(() -> slave.statistics().replies() == 3);
    assertThat(slave.statistics().earlyRequests()).isEqualTo(1);
    assertThat(slave.statistics().requests()).isEqualTo(3);
    assertThat(slave.statistics().units().get(1).replies()).isEqualTo(3);
  }

  /** Parks until the 3.5-character silence after a reply (plus a margin) has passed. */
  private void waitPastTheSilence(PtyMaster.Reply reply) {
    WireClock.parkUntil(reply.lastByteNanos() + line.silenceNanos() + 1_000_000);
  }
}
