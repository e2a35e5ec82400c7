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
}
