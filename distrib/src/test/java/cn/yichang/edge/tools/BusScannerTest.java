package cn.yichang.edge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.tools.BusScanner.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scan's choice of line settings, against devices modelled at the character level. */
class BusScannerTest {

  private static final Duration TIMEOUT = Duration.ofMillis(20);
  private static final List<Integer> UNITS = IntStream.rangeClosed(1, 10).boxed().toList();

  private final List<String> garbled = new ArrayList<>();

  @Test
  void findsAnEvenParityDeviceAtItsParityAndStopsThere() throws Exception {
    UartDevice device = new UartDevice(7, 9600, Parity.EVEN, false, Map.of(0, 123));

    BusScanner.Result result = scan(device, false);

    assertThat(result.responders())
        .extracting(r -> BusScanner.describe(r.settings()) + " unit " + r.unit())
        .containsExactly("9600 8E1 unit 7");
    assertThat(result.responders().get(0).answer()).isEqualTo("holding 0 = 123");
    // 9600 8N1, 19200 8N1, 4800 8N1, 115200 8N1, then 9600 8E1: and no further
    assertThat(result.tried()).hasSize(5);
    assertThat(device.opens).isEqualTo(5);
  }

  @Test
  void aLenientDeviceAtTheWrongParityShowsAsGarbledAnswersNotAsAResponder() throws Exception {
    // The device takes the 8N1 request (it ignores parity errors) and answers in 8E1: its bytes
    // with an odd number of ones carry parity bit 1, which 8N1 takes as a stop bit; the others
    // (the function code 03 among them) are framing errors and arrive as NUL.
    UartDevice device = new UartDevice(7, 9600, Parity.EVEN, true, Map.of(0, 0x1234));

    BusScanner.Result result = scan(device, false);

    assertThat(garbled).first().asString().startsWith("9600 8N1 unit 7: garbled: ");
    assertThat(result.responders())
        .extracting(r -> BusScanner.describe(r.settings()))
        .containsExactly("9600 8E1");
  }

  @Test
  void anOddParityDeviceIsFoundOnlyAtOddParity() throws Exception {
    UartDevice device = new UartDevice(3, 19200, Parity.ODD, false, Map.of(0, 1));

    BusScanner.Result result = scan(device, false);

    assertThat(result.responders())
        .extracting(r -> BusScanner.describe(r.settings()) + " unit " + r.unit())
        .containsExactly("19200 8O1 unit 3");
  }

  @Test
  void aRefusalIsAnAnswerAndExhaustiveKeepsGoing() throws Exception {
    UartDevice device = new UartDevice(7, 9600, Parity.NONE, false, Map.of(5, 1));

    BusScanner.Result result = scan(device, true);

    // A receiver at one stop bit takes two as idle line: 8N2 reaches an 8N1 device, and back.
    assertThat(result.responders())
        .extracting(r -> BusScanner.describe(r.settings()) + ": " + r.answer())
        .containsExactly(
            "9600 8N1: exception 2 (illegal data address)",
            "9600 8N2: exception 2 (illegal data address)");
    assertThat(result.tried()).hasSize(BusScanner.defaultOrder("uart").size());
  }

  @Test
  void nothingAnswersAndTheDeadlineBoundsTheScan() throws Exception {
    UartDevice device = new UartDevice(7, 1200, Parity.NONE, false, Map.of(0, 1));
    BusScanner scanner = new BusScanner(device, TIMEOUT, new Recorder());

    long start = System.nanoTime();
    BusScanner.Result result =
        scanner.scan(
            BusScanner.defaultOrder("uart"),
            UNITS,
            false,
            System.nanoTime() + Duration.ofMillis(300).toNanos());

    assertThat(result.responders()).isEmpty();
    assertThat(result.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void theCharacterModelMatchesTheUartRules() {
    LineSettings n = new LineSettings("x", 9600, Parity.NONE, 8, 1);
    LineSettings e = new LineSettings("x", 9600, Parity.EVEN, 8, 1);
    LineSettings o = new LineSettings("x", 9600, Parity.ODD, 8, 1);
    // 0x01: one 1 -> even parity bit 1, odd parity bit 0
    assertThat(UartDevice.ninthBitAccepted((byte) 0x01, e, n)).isTrue();
    assertThat(UartDevice.ninthBitAccepted((byte) 0x01, o, n)).isFalse();
    assertThat(UartDevice.ninthBitAccepted((byte) 0x03, e, n)).isFalse();
    assertThat(UartDevice.ninthBitAccepted((byte) 0x03, e, o)).isFalse();
    assertThat(UartDevice.ninthBitAccepted((byte) 0x03, e, e)).isTrue();
  }

  private BusScanner.Result scan(UartDevice device, boolean exhaustive) throws Exception {
    return new BusScanner(device, TIMEOUT, new Recorder())
        .scan(
            BusScanner.defaultOrder("uart"),
            UNITS,
            exhaustive,
            System.nanoTime() + Duration.ofMinutes(1).toNanos());
  }

  private final class Recorder implements BusScanner.Progress {
    @Override
    public void setting(LineSettings settings, int index, int of, Duration estimate) {}

    @Override
    public void probed(LineSettings settings, int unit, int done, int of) {}

    @Override
    public void found(Responder responder) {}

    @Override
    public void garbled(LineSettings settings, int unit, String reason) {
      garbled.add(BusScanner.describe(settings) + " unit " + unit + ": " + reason);
    }
  }
}
