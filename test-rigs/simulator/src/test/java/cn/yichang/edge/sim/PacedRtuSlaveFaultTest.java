package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults, broadcasts and unknown units through a real socat pty pair, with instant timing. */
class PacedRtuSlaveFaultTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** How long to wait for a reply that must not come: instant mode answers within microseconds. */
  private static final Duration NO_REPLY = Duration.ofMillis(300);

  @TempDir Path dir;
  private SocatPtyPair pty;
  private PacedRtuSlave slave;
  private PtyMaster master;

  @BeforeEach
  void start() throws Exception {
    SocatTestSupport.assumeInstalled("socat");
    pty = SocatPtyPair.start(dir);
    LineSettings line = new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1);
    slave =
        PacedRtuSlave.start(
            line,
            Timing.INSTANT,
            new SimulatedUnit(1, new RegisterMap().holding(0, 123, 65535)),
            new SimulatedUnit(2, new RegisterMap().holding(0, 7)));
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
  void silentUnitNeverAnswersWhileItsNeighbourDoes() throws Exception {
    slave.unit(2).setFault(Fault.silent());

    assertThat(exchange(RtuFrames.frame(2, 3, 0, 0, 0, 1), 7, NO_REPLY)).isEmpty();
    assertThat(exchange(RtuFrames.frame(1, 3, 0, 0, 0, 1), 7, TIMEOUT))
        .hasValue("01 03 02 00 7b f8 67");
    assertThat(slave.statistics().units().get(2).requests()).isEqualTo(1);
    assertThat(slave.statistics().units().get(2).replies()).isZero();
  }

  @Test
  void corruptCrcUnitAnswersWithAWrongCrc() throws Exception {
    slave.unit(2).setFault(Fault.corruptCrc());

    master.send(RtuFrames.frame(2, 3, 0, 0, 0, 1));
    byte[] reply = master.receive(7, TIMEOUT).orElseThrow().bytes();

    assertThat(reply).hasSize(7).startsWith(2, 3, 2, 0, 7);
    assertThat(RtuFrames.crcValid(reply, reply.length)).isFalse();
  }

  @Test
  void faultsSwitchAtRunTime() throws Exception {
    byte[] read = RtuFrames.frame(2, 3, 0, 0, 0, 1);
    slave.unit(2).setFault(Fault.exception(4));
    assertThat(exchange(read, 5, TIMEOUT)).hasValue(RtuFrames.hex(RtuFrames.frame(2, 0x83, 4)));

    slave.unit(2).setFault(Fault.none());
    assertThat(exchange(read, 7, TIMEOUT)).hasValue("02 03 02 00 07 bd 86");
  }

  @Test
  void slowUnitAnswersAfterItsExtraDelay() throws Exception {
    slave.unit(1).setFault(Fault.slow(Duration.ofMillis(100)));

    long sent = master.send(RtuFrames.frame(1, 3, 0, 0, 0, 1));
    PtyMaster.Reply reply = master.receive(7, TIMEOUT).orElseThrow();

    assertThat(reply.lastByteNanos() - sent).isGreaterThanOrEqualTo(100_000_000L);
  }

  @Test
  void broadcastWritesEveryUnitWithoutAReply() throws Exception {
    assertThat(exchange(RtuFrames.frame(0, 6, 0, 0, 0x12, 0x34), 8, NO_REPLY)).isEmpty();

    await().atMost(TIMEOUT).until(() -> slave.statistics().broadcasts() == 1);
    assertThat(slave.unit(1).registers().get(RegisterMap.Table.HOLDING, 0)).hasValue(0x1234);
    assertThat(slave.unit(2).registers().get(RegisterMap.Table.HOLDING, 0)).hasValue(0x1234);
  }

  @Test
  void unknownUnitGetsNoReply() throws Exception {
    assertThat(exchange(RtuFrames.frame(9, 3, 0, 0, 0, 1), 7, NO_REPLY)).isEmpty();
    await().atMost(TIMEOUT).until(() -> slave.statistics().unknownUnitRequests() == 1);
  }

  @Test
  void garbageIsDroppedAndTheNextRequestAfterAGapIsServed() throws Exception {
    master.send(RtuFrames.unhex("01 03 00 00 00 02 00 00"));
    await().atMost(TIMEOUT).until(() -> slave.statistics().crcErrors() == 1);

    // the slave resyncs after a 3.5-character gap, which this wait lets pass
    WireClock.parkUntil(System.nanoTime() + 10_000_000);
    assertThat(exchange(RtuFrames.frame(1, 3, 0, 1, 0, 1), 7, TIMEOUT))
        .hasValue("01 03 02 ff ff b9 f4");
  }

  private Optional<String> exchange(byte[] request, int replyLength, Duration timeout)
      throws Exception {
    master.send(request);
    return master.receive(replyLength, timeout).map(reply -> RtuFrames.hex(reply.bytes()));
  }
}
