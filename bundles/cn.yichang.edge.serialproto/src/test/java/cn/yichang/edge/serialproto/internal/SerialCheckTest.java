package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.bus.internal.LineTransactor;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commission's one read of a serial device: a poll through a transactor, or a listen. */
class SerialCheckTest {
  private static final LineSettings LINE = new LineSettings("/dev/null", 9600, Parity.NONE, 8, 1);

  @TempDir Path dir;

  @Test
  void aStreamingReceiverIsHeardUntilEveryFieldCame() throws Exception {
    SerialCheck gnss = SerialCheck.of("gnss-01", Specs.shipped("elderly-care/gnss-nmea"));
    MemoryLine line = new MemoryLine(LINE, req -> null);
    line.talk(bytes(LineParserTest.GGA));
    line.talk(bytes(LineParserTest.RMC));
    assertThat(gnss.streaming()).isTrue();
    long start = System.nanoTime();

    List<PointReading> readings = gnss.listen(line, Duration.ofSeconds(20));

    // it returns once both sentences were read, not at the end of the 20 s
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(readings).hasSize(9).allMatch(PointReading::ok);
    assertThat(readings.get(0).name()).isEqualTo("latitude");
    assertThat(readings.get(0).value()).isEqualTo(48.1173);
  }

  @Test
  void fieldsOfASentenceThatNeverCameHaveNoData() throws Exception {
    SerialCheck gnss = SerialCheck.of("gnss-01", Specs.shipped("elderly-care/gnss-nmea"));
    MemoryLine line = new MemoryLine(LINE, req -> null);
    line.talk(bytes(LineParserTest.GGA));

    // the whole window passes (RMC never comes): long enough for the GGA already on the line to be
    // read and parsed on a loaded CI machine, where 400 ms once was not
    List<PointReading> readings = gnss.listen(line, Duration.ofSeconds(2));

    assertThat(readings).filteredOn(PointReading::ok).hasSize(6);
    assertThat(readings)
        .filteredOn(r -> !r.ok())
        .extracting(PointReading::name, PointReading::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fix_valid", "no data"),
            org.assertj.core.groups.Tuple.tuple("speed", "no data"),
            org.assertj.core.groups.Tuple.tuple("course", "no data"));
  }

  @Test
  void aSilentReceiverTimesOutAndAGarbledOneSaysWhy() throws Exception {
    SerialCheck gnss = SerialCheck.of("gnss-01", Specs.shipped("elderly-care/gnss-nmea"));

    assertThat(gnss.listen(new MemoryLine(LINE, req -> null), Duration.ofMillis(300)))
        .hasSize(9)
        .extracting(PointReading::error)
        .containsOnly("timeout");

    MemoryLine garbled = new MemoryLine(LINE, req -> null);
    garbled.talk(bytes(LineParserTest.GGA.replace("*47", "*48")));
    assertThat(gnss.listen(garbled, Duration.ofMillis(300)))
        .extracting(PointReading::error)
        .containsOnly("checksum error");
  }

  @Test
  void aPolledDeviceIsAskedOnceThroughTheBussTransactor() throws Exception {
    SerialCheck weather = SerialCheck.of("wx-01", Specs.shipped("agriculture/weather-ascii"));
    MemoryLine line =
        new MemoryLine(
            LINE,
            req ->
                new String(req, StandardCharsets.ISO_8859_1).equals("0R0\r\n")
                    ? bytes("0R0,Dm=180D,Sm=1.0M,Ta=20.0C,Ua=50.0P,Pa=1000.0H,Rc=0.00M,Sr=0.0W\r\n")
                    : null);
    assertThat(weather.streaming()).isFalse();

    List<PointReading> readings =
        weather.poll(LineTransactor.standalone(line, Duration.ofMillis(300)));

    assertThat(readings)
        .extracting(PointReading::value)
        .containsExactly(180L, 1.0, 20.0, 50.0, 1000.0, 0.0, 0.0);
  }

  @Test
  void aProfileOfAnotherProtocolIsRefused() {
    assertThatThrownBy(() -> SerialCheck.of("soil-01", Specs.shipped("agriculture/soil-3in1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soil-01")
        .hasMessageContaining("modbus");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
