package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against an independent master (mbpoll, libmodbus), and the pymodbus peer against
 * the same master, so that the simulator and the peer are checked by code neither of us wrote.
 */
class IndependentPeersTest {

  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Path PYMODBUS_DEVICE = Path.of("..", "peers", "pymodbus_device.py");
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dir;
  private SocatPtyPair pty;

  @BeforeEach
  void start() throws Exception {
    SocatTestSupport.assumeInstalled("socat", "mbpoll");
    pty = SocatPtyPair.start(dir);
  }

  @AfterEach
  void stop() {
    if (pty != null) {
      pty.close();
    }
  }

  @Test
  void mbpollReadsTheSimulatorsRegistersWithWireTiming() throws Exception {
    LineSettings line = new LineSettings(pty.deviceEnd().toString(), 9600, Parity.NONE, 8, 1);
    RegisterMap registers = new RegisterMap().holding(0, 123, 65535, 4660);
    try (PacedRtuSlave slave =
        PacedRtuSlave.start(line, Timing.WIRE, new SimulatedUnit(1, registers))) {
      // -0: reference 1 is wire address 1 (mbpoll counts from 1 otherwise)
      String output = mbpoll("-a", "1", "-r", "1", "-c", "2", "-t", "4");

      assertThat(output).contains("[1]: \t65535 (-1)").contains("[2]: \t4660");
      assertThat(slave.statistics().units().get(1).replies()).isEqualTo(1);
    }
  }

  @Test
  void mbpollReadsAndWritesThroughTheSimulatorCommandLine() throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classPath()));
    command.addAll(
        List.of(
            SimulatorMain.class.getName(),
            "--port",
            pty.deviceEnd().toString(),
            "--baud",
            "9600",
            "--unit",
            "1",
            "--holding",
            "0=123,1=65535",
            "--coil",
            "0..2=1",
            "--unit",
            "2",
            "--input",
            "8=0x4148,9=0"));
    try (ChildProcess simulator = new ChildProcess(command)) {
      simulator.awaitLine(line -> line.startsWith("READY "), STARTUP);

      assertThat(mbpoll("-a", "1", "-r", "0", "-c", "2", "-t", "4")).contains("[0]: \t123");
      assertThat(mbpoll("-a", "2", "-r", "8", "-t", "3:float", "-B")).contains("[8]: \t12.5");
      assertThat(mbpoll("-a", "1", "-r", "0", "-c", "3", "-t", "0")).contains("[2]: \t1");

      simulator.writeLine("fault 2 silent");
      simulator.awaitLine(line -> line.equals("OK unit 2 fault SILENT"), STARTUP);
      assertThat(mbpoll("-a", "2", "-r", "8", "-t", "3", "-o", "0.2")).contains("timed out");

      assertThat(simulator.terminate(Duration.ofSeconds(5))).isEqualTo(143);

      assertThat(simulator.output())
          .contains("STATS requests=4 replies=3 early=0")
          .contains("UNIT 2 requests=2 replies=1");
    }
  }

  @Test
  void mbpollReadsThePymodbusPeer() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing: test skipped");
    String probe =
        ChildProcess.run(
            Duration.ofSeconds(20), PYTHON, "-c", "import pymodbus, serial_asyncio; print('ok')");
    assumeTrue(probe.startsWith("ok"), "python3-pymodbus is not installed: test skipped");
    Path values = dir.resolve("values.json");
    Files.writeString(values, "{\"units\": {\"3\": {\"holding\": {\"10\": [1, 2, 3]}}}}");
    List<String> command =
        List.of(
            PYTHON,
            PYMODBUS_DEVICE.toString(),
            "--port",
            pty.deviceEnd().toString(),
            "--baud",
            "9600",
            "--values",
            values.toString(),
            "--unit",
            "1",
            "--holding",
            "0=123,1=65535",
            "--input",
            "8=0x4148,9=0",
            "--coil",
            "0=1,1=0,2=1",
            "--discrete",
            "0..7=1");
    try (ChildProcess peer = new ChildProcess(command)) {
      peer.awaitLine(line -> line.startsWith("READY "), STARTUP);

      assertThat(mbpoll("-a", "1", "-r", "0", "-c", "2", "-t", "4"))
          .contains("[0]: \t123")
          .contains("[1]: \t65535 (-1)");
      assertThat(mbpoll("-a", "1", "-r", "8", "-t", "3:float", "-B")).contains("[8]: \t12.5");
      assertThat(mbpoll("-a", "1", "-r", "0", "-c", "3", "-t", "0")).contains("[1]: \t0");
      assertThat(mbpoll("-a", "1", "-r", "7", "-t", "1")).contains("[7]: \t1");
      assertThat(mbpoll("-a", "3", "-r", "10", "-c", "3", "-t", "4")).contains("[12]: \t3");
      assertThat(mbpoll("-a", "1", "-r", "2", "-t", "4")).contains("Illegal data address");

      assertThat(peer.terminate(Duration.ofSeconds(5))).isZero();
    }
  }

  /** One mbpoll read at 9600 8N1, 0-based addresses, its whole output. */
  private String mbpoll(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("mbpoll", "-m", "rtu", "-b", "9600", "-P", "none", "-0", "-1"));
    command.addAll(List.of(args));
    command.add(pty.masterEnd().toString());
    return ChildProcess.run(Duration.ofSeconds(10), command.toArray(String[]::new));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }
}
