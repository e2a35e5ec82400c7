package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.Fault;
import cn.yichang.edge.sim.PacedRtuSlave;
import cn.yichang.edge.sim.RegisterMap;
import cn.yichang.edge.sim.SimulatedUnit;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that never answers and one that answers with CRC errors share a 9600-baud bus with a
 * healthy one; the simulator keeps real RS-485 wire timing. The healthy device keeps its rate.
 */
class FaultyDevicesIT {
  private static final Pattern AT = Pattern.compile("reading soil-ok at (\\S+):");
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int POLLS = 12;

  @TempDir Path dir;

  @Test
  void aSilentAndAGarblingDeviceDoNotSlowTheHealthyOne() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        PacedRtuSlave slave =
            PacedRtuSlave.start(
                new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1),
                Timing.WIRE,
                new SimulatedUnit(1, new RegisterMap().holding(0, 312, 185, 412)),
                new SimulatedUnit(2, new RegisterMap().holding(0, 1, 2, 3)),
                new SimulatedUnit(3, new RegisterMap().holding(0, 1, 2, 3)));
        GatewayProcess gateway =
            GatewayProcess.start(
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-0002, account: yichang}
                        buses:
                          - {id: rs485-1, type: serial, port: %s, baud: 9600, response-timeout: 200ms}
                        devices:
                          - {id: soil-ok, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: 500ms}
                          - {id: soil-silent, profile: agriculture/soil-3in1, bus: rs485-1, unit: 2, poll: 500ms}
                          - {id: soil-garbled, profile: agriculture/soil-3in1, bus: rs485-1, unit: 3, poll: 500ms}
                        """
                            .formatted(pty.masterEnd()))
                    .toString())) {
      slave.unit(2).setFault(Fault.silent());
      slave.unit(3).setFault(Fault.corruptCrc());

      gateway.awaitLine(
          l -> gateway.linesMatching(x -> ReadingLine.isReading(x, "soil-ok")).size() > POLLS,
          Duration.ofSeconds(60));

      List<String> healthy = gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-ok"));
      // at most one reading of the healthy device may miss its 200 ms (a loaded CI machine can
      // stall
      // the simulator's thread that long); the faulty neighbours must cost it nothing more
      assertThat(healthy.stream().filter(l -> !ReadingLine.parse(l).errors().isEmpty()))
          .hasSizeLessThanOrEqualTo(1)
          .allMatch(
              l -> ReadingLine.parse(l).errors().values().stream().allMatch("timeout"::equals));
      assertThat(healthy)
          .allMatch(
              l ->
                  !ReadingLine.parse(l).errors().isEmpty()
                      || "31.2".equals(ReadingLine.parse(l).values().get("moisture")));
      // POLLS intervals after the first poll, taken from the gateway's acquisition timestamps.
      Duration span = Duration.between(acquiredAt(healthy.get(0)), acquiredAt(healthy.get(POLLS)));
      assertThat(span)
          .isLessThanOrEqualTo(POLL.multipliedBy(POLLS).multipliedBy(130).dividedBy(100));

      List<String> silent = gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-silent"));
      List<String> garbled = gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-garbled"));
      assertThat(silent)
          .isNotEmpty()
          .allMatch(
              l -> ReadingLine.parse(l).errors().values().stream().allMatch("timeout"::equals));
      assertThat(garbled)
          .isNotEmpty()
          .allMatch(
              l -> ReadingLine.parse(l).errors().values().stream().allMatch("crc error"::equals));
      // Backed off: far fewer attempts than the healthy device's polls.
      assertThat(silent.size()).isLessThan(healthy.size() / 2);
      assertThat(garbled.size()).isLessThan(healthy.size() / 2);
      assertThat(slave.statistics().earlyRequests()).isZero();

      // A recovered device is picked up again.
      slave.unit(2).setFault(Fault.none());
      gateway.awaitLine(
          l -> ReadingLine.isReading(l, "soil-silent") && ReadingLine.parse(l).errors().isEmpty(),
          Duration.ofSeconds(90));

      assertThat(gateway.terminate()).isZero();
    }
  }

  private static Instant acquiredAt(String line) {
    Matcher m = AT.matcher(line);
    assertThat(m.find()).isTrue();
    return Instant.parse(m.group(1));
  }
}
