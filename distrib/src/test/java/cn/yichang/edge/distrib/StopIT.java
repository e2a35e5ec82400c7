package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.RegisterMap;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while every bus is in the middle of its transactions: the buses end their transaction and
 * close their lines themselves. jSerialComm closes every port it opened from a JVM shutdown hook of
 * its own, which runs beside the launcher's: before the serial bundle held it back, that closed the
 * lines under the bus threads (EBADF), buses reopened them, and a thread spinning on a write to a
 * closed port held the stop for the 3 s a bus waits for its thread.
 */
class StopIT {
  private static final int BUSES = 3;
  private static final int DEVICES_PER_BUS = 8;

  @TempDir Path dir;

  @Test
  void sigtermWhileTheBusesAreBusyClosesEachLineOnceWithoutFailingOrReopeningIt() throws Exception {
    List<AutoCloseable> peers = new ArrayList<>();
    StringBuilder site = new StringBuilder("gateway: {id: yc-it-0009, account: yichang}\nbuses:\n");
    StringBuilder devices = new StringBuilder("devices:\n");
    try {
      for (int b = 1; b <= BUSES; b++) {
        Path busDir = Files.createDirectories(dir.resolve("bus" + b));
        SocatPtyPair pty = SocatPtyPair.start(busDir);
        peers.add(pty);
        List<SimulatedUnit> units = new ArrayList<>();
        for (int u = 1; u <= DEVICES_PER_BUS; u++) {
          units.add(new SimulatedUnit(u, new RegisterMap().holding(0, 312, 185, 412)));
          devices.append(
              "  - {id: b%d-soil-%d, profile: agriculture/soil-3in1, bus: rs485-%d, unit: %d, poll: 100ms}\n"
                  .formatted(b, u, b, u));
        }
        // Real wire timing at 115200 baud: a round of the bus's devices fills most of the 100 ms.
        peers.add(
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 115200, Parity.NONE, 8, 1),
                Timing.WIRE,
                units));
        site.append(
            "  - {id: rs485-%d, type: serial, port: %s, baud: 115200, response-timeout: 200ms}\n"
                .formatted(b, pty.masterEnd()));
      }
      site.append(devices);

      try (GatewayProcess gateway =
          GatewayProcess.start(
              "run", "--config", SiteFiles.write(dir, site.toString()).toString())) {
        for (int b = 1; b <= BUSES; b++) {
          String last = "b%d-soil-%d".formatted(b, DEVICES_PER_BUS);
          gateway.awaitLine(l -> ReadingLine.isReading(l, last), Duration.ofSeconds(60));
        }
        // Several rounds, so that each bus is somewhere inside a round when the signal comes.
        int readings = gateway.linesMatching(l -> l.contains(" readings - reading ")).size();
        gateway.awaitLine(
            l ->
                gateway.linesMatching(x -> x.contains(" readings - reading ")).size()
                    > readings + 3 * BUSES * DEVICES_PER_BUS,
            Duration.ofSeconds(60));
        int beforeStop = gateway.lines().size();
        long sent = System.nanoTime();

        int exit = gateway.terminate();

        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        System.out.println("[StopIT] the gateway ended " + took.toMillis() + " ms after SIGTERM");
        List<String> lines = gateway.lines();
        List<String> afterSignal = lines.subList(beforeStop, lines.size());
        assertThat(exit).isZero();
        assertThat(afterSignal).contains("sanxia-edge: stopped");
        assertThat(afterSignal)
            .as("no bus lost its line, reopened it or was left in a transaction while stopping")
            .noneMatch(l -> l.contains(" line failed "))
            .noneMatch(l -> l.contains(": opened "))
            .noneMatch(l -> l.contains("still in a transaction"));
      }
    } finally {
      for (int i = peers.size() - 1; i >= 0; i--) {
        peers.get(i).close();
      }
    }
  }
}
