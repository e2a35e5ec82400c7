package cn.yichang.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.sim.RegisterMap.Table;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

  @Test
  void readsLineUnitsValuesAndFaults() {
    SimulatorOptions options =
        SimulatorOptions.parse(
            "--port",
            "/tmp/x/ttyDEV",
            "--baud",
            "19200",
            "--parity",
            "even",
            "--instant",
            "--unit",
            "1",
            "--turnaround",
            "8ms",
            "--holding",
            "0=123,1=65535,10..12=0x10",
            "--input",
            "8=1",
            "--coil",
            "0=1",
            "--discrete",
            "3=0",
            "--unit",
            "2",
            "--silent",
            "--unit",
            "3",
            "--corrupt-crc",
            "--unit",
            "4",
            "--slow",
            "200ms",
            "--unit",
            "5",
            "--exception",
            "4");

    assertThat(options.line().port()).isEqualTo("/tmp/x/ttyDEV");
    assertThat(options.line().baud()).isEqualTo(19200);
    assertThat(options.line().parity()).isEqualTo(Parity.EVEN);
    assertThat(options.timing()).isEqualTo(Timing.INSTANT);
    SimulatedUnit first = options.units().get(0);
    assertThat(first.turnaround()).isEqualTo(Duration.ofMillis(8));
    assertThat(first.registers().read(Table.HOLDING, 10, 3))
        .hasValueSatisfying(values -> assertThat(values).containsExactly(16, 16, 16));
    assertThat(first.registers().get(Table.HOLDING, 1)).hasValue(65535);
    assertThat(first.registers().get(Table.COIL, 0)).hasValue(1);
    assertThat(first.registers().get(Table.DISCRETE, 3)).hasValue(0);
    assertThat(options.units())
        .extracting(unit -> unit.fault().kind())
        .containsExactly(
            Fault.Kind.NONE,
            Fault.Kind.SILENT,
            Fault.Kind.CORRUPT_CRC,
            Fault.Kind.SLOW,
            Fault.Kind.EXCEPTION);
    assertThat(options.units().get(3).fault().extraDelay()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void defaultsToWireTimingAt9600Baud8N1() {
    SimulatorOptions options = SimulatorOptions.parse("--port", "p", "--unit", "1");

    assertThat(options.timing()).isEqualTo(Timing.WIRE);
    assertThat(options.line().bitsPerChar()).isEqualTo(10);
    assertThat(options.line().baud()).isEqualTo(9600);
    assertThat(options.units().get(0).turnaround()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void rejectsMistakes() {
    assertThatThrownBy(() -> SimulatorOptions.parse("--unit", "1")).hasMessageContaining("--port");
    assertThatThrownBy(() -> SimulatorOptions.parse("--port", "p", "--holding", "0=1"))
        .hasMessageContaining("must follow --unit");
    assertThatThrownBy(
            () -> SimulatorOptions.parse("--port", "p", "--unit", "1", "--holding", "0=70000"))
        .hasMessageContaining("0..65535");
    assertThatThrownBy(() -> SimulatorOptions.parse("--port", "p", "--unit", "1", "--bogus", "x"))
        .hasMessageContaining("unknown option --bogus");
    assertThatThrownBy(() -> SimulatorOptions.parse("--port", "p", "--unit", "1", "--slow", "fast"))
        .hasMessageContaining("not a duration");
  }

  @Test
  void servesProfilesWithMovingValuesAndTakesPinsOnStdin() {
    SimulatorOptions options =
        SimulatorOptions.parse(
            "--port",
            "/tmp/x/ttyDEV",
            "--profile-dir",
            "../../device-profiles",
            "--speed",
            "60",
            "--unit",
            "3",
            "--profile",
            "water/ph-orp",
            "--seed",
            "9",
            "--slow",
            "50ms",
            "--unit",
            "4",
            "--holding",
            "0=1");

    assertThat(options.speed()).isEqualTo(60);
    assertThat(options.profileUnits()).hasSize(1);
    cn.yichang.edge.sim.profile.ProfileUnit ph = options.profileUnits().get(0);
    assertThat(ph.profileId()).isEqualTo("water/ph-orp");
    assertThat(options.units()).extracting(SimulatedUnit::address).containsExactly(3, 4);
    assertThat(options.units().get(0)).isSameAs(ph.unit());
    assertThat(ph.unit().fault().kind()).isEqualTo(Fault.Kind.SLOW);

    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(bytes, true);
    ConsoleCommands commands = new ConsoleCommands(null, options.profileUnits(), out);
    commands.execute("pin 3 ph 14.5");
    assertThat(ph.expectedValues().get("ph")).isEqualTo(14.5);
    commands.execute("release 3 ph");
    commands.execute("pin 4 ph 1");
    assertThat(bytes.toString())
        .contains("OK unit 3 ph pinned", "OK unit 3 ph released", "ERROR unit 4 serves no profile");

    assertThatThrownBy(
            () ->
                SimulatorOptions.parse(
                    "--port", "p", "--unit", "1", "--profile", "water/none", "--profile-dir", "."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("water/none");
  }
}
