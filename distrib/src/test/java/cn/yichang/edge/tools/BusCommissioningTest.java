package cn.yichang.edge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.PointResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * commission's bus part: a Modbus soil probe and an ASCII weather station on one RS-485 bus are
 * read through one open line, each as the gateway reads it.
 */
class BusCommissioningTest {

  private static final Path SHIPPED = Path.of("../device-profiles");
  private static final String WEATHER =
      "0R0,Dm=180D,Sm=1.0M,Ta=20.0C,Ua=50.0P,Pa=1000.0H,Rc=0.00M,Sr=0.0W\r\n";

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @Test
  void modbusAndAsciiDevicesShareTheBussOpenLine() throws Exception {
    SharedBus bus = new SharedBus(new UartDevice(1, 9600, Parity.NONE, false, soil()));
    CommissionSummary.Bus rs485 =
        new CommissionSummary.Bus("rs485-1", "uart", 9600, "none", 8, 1, Duration.ofMillis(200));

    Map<String, DeviceResult> results =
        commissioning(bus)
            .poll(
                List.of(rs485),
                List.of(
                    device("soil-01", "agriculture/soil-3in1", "modbus-rtu", 1),
                    device("wx-01", "agriculture/weather-ascii", "ascii-line", 0),
                    device("gone-02", "agriculture/soil-3in1", "modbus-rtu", 2)));

    assertThat(bus.opens).isEqualTo(1);
    assertThat(results.get("soil-01").status()).isEqualTo("out of range");
    assertThat(results.get("soil-01").points())
        .extracting(PointResult::point, PointResult::value, PointResult::unit, PointResult::inRange)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("moisture", "23.4", "%", true),
            org.assertj.core.groups.Tuple.tuple("temperature", "-5.0", "Cel", true),
            org.assertj.core.groups.Tuple.tuple("conductivity", "25000", "uS/cm", false));
    assertThat(results.get("wx-01").status()).isEqualTo("ok");
    assertThat(results.get("wx-01").points())
        .extracting(PointResult::value)
        .containsExactly("180", "1.0", "20.0", "50.0", "1000.0", "0.0", "0.0");
    assertThat(results.get("wx-01").points().get(2).unit()).isEqualTo("Cel");
    assertThat(results.get("gone-02").status()).isEqualTo("timeout");
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("polling 3 device(s) on rs485-1 (uart, 9600 8N1)");
  }

  @Test
  void aGpioDeviceOrAnotherBussDeviceIsNotReadHere() throws Exception {
    SharedBus bus = new SharedBus(new UartDevice(1, 9600, Parity.NONE, false, soil()));

    Map<String, DeviceResult> results =
        commissioning(bus)
            .poll(List.of(), List.of(device("soil-01", "agriculture/soil-3in1", "modbus-rtu", 1)));

    assertThat(results).isEmpty();
    assertThat(bus.opens).isZero();
    assertThat(BusCommissioning.reads("gpio")).isFalse();
    assertThat(BusCommissioning.reads("framed")).isTrue();
  }

  private BusCommissioning commissioning(SerialLineFactory lines) {
    return new BusCommissioning(
        lines,
        new ProfileDirectories(List.of(SHIPPED)),
        new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private static CommissionSummary.Device device(
      String id, String profile, String protocol, int unit) {
    return new CommissionSummary.Device(id, profile, protocol, "rs485-1", unit, -1, null);
  }

  /** 23.4 %, -5.0 Cel, and a conductivity above the profile's maximum. */
  private static Map<Integer, Integer> soil() {
    return Map.of(0, 234, 1, 0xFFCE, 2, 25000);
  }

  /** One line: Modbus requests go to the probe, the weather station answers its ASCII poll. */
  private static final class SharedBus implements SerialLineFactory {
    private final UartDevice modbus;
    int opens;

    SharedBus(UartDevice modbus) {
      this.modbus = modbus;
    }

    @Override
    public SerialLine open(LineSettings settings) throws java.io.IOException {
      opens++;
      SerialLine probe = modbus.open(settings);
      ArrayDeque<Byte> ascii = new ArrayDeque<>();
      return new SerialLine() {
        @Override
        public LineSettings settings() {
          return settings;
        }

        @Override
        public void write(byte[] data) throws java.io.IOException {
          if (new String(data, StandardCharsets.ISO_8859_1).equals("0R0\r\n")) {
            for (byte b : WEATHER.getBytes(StandardCharsets.ISO_8859_1)) {
              ascii.add(b);
            }
          } else {
            probe.write(data);
          }
        }

        @Override
        public int read(byte[] buffer, int offset, int len, long timeoutNanos)
            throws java.io.IOException {
          if (ascii.isEmpty()) {
            return probe.read(buffer, offset, len, timeoutNanos);
          }
          int n = 0;
          while (n < len && !ascii.isEmpty()) {
            buffer[offset + n++] = ascii.poll();
          }
          return n;
        }

        @Override
        public void discardInput() throws java.io.IOException {
          ascii.clear();
          probe.discardInput();
        }

        @Override
        public void close() {
          probe.close();
        }
      };
    }
  }
}
