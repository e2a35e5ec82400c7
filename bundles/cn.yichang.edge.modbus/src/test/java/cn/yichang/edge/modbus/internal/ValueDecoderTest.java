package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.bit;
import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static cn.yichang.edge.modbus.internal.TestPoints.ranged;
import static cn.yichang.edge.modbus.internal.TestPoints.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import cn.yichang.edge.reading.PointReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per value: the registers as read from address 0, how the profile reads them, result. */
class ValueDecoderTest {

  @ParameterizedTest(name = "{0} {1} [{2}] x{3} +{4} -> {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // unscaled integers are exact Longs
        "INT16   | BIG    | FF38                | 1    | 0   | -200",
        "INT16   | LITTLE | FF38                | 1    | 0   | -200",
        "UINT16  | BIG    | FF38                | 1    | 0   | 65336",
        "INT32   | BIG    | FFFE 7960           | 1    | 0   | -100000",
        "INT32   | LITTLE | 7960 FFFE           | 1    | 0   | -100000",
        "UINT32  | BIG    | 8000 0001           | 1    | 0   | 2147483649",
        "UINT32  | LITTLE | 0001 8000           | 1    | 0   | 2147483649",
        "UINT32  | BIG    | FFFF FFFF           | 1    | 0   | 4294967295",
        "INT64   | BIG    | 0000 0000 0001 0002 | 1    | 0   | 65538",
        "INT64   | LITTLE | 0002 0001 0000 0000 | 1    | 0   | 65538",
        "INT64   | BIG    | FFFF FFFF FFFF FFFE | 1    | 0   | -2",
        "INT64   | BIG    | 7FFF FFFF FFFF FFFF | 1    | 0   | 9223372036854775807",
        // scaled integers become Doubles
        "UINT16  | BIG    | 00FA                | 0.1  | -40 | -15.0",
        "INT16   | BIG    | FF38                | 0.1  | 0   | -20.0",
        "UINT32  | LITTLE | 86A0 0001           | 0.01 | 0   | 1000.0",
        "INT32   | BIG    | FFFF FFFF           | 2    | 1   | -1.0",
        "INT64   | LITTLE | FFFE FFFF FFFF FFFF | 0.5  | 0   | -1.0",
        // floats are Doubles, scaled or not
        "FLOAT32 | BIG    | 41BC 0000           | 1    | 0   | 23.5",
        "FLOAT32 | LITTLE | 0000 41BC           | 1    | 0   | 23.5",
        "FLOAT32 | BIG    | C1BC 0000           | 2    | 1   | -46.0",
        "FLOAT64 | BIG    | 4037 8000 0000 0000 | 1    | 0   | 23.5",
        "FLOAT64 | LITTLE | 0000 0000 8000 4037 | 1    | 0   | 23.5",
        "FLOAT64 | LITTLE | 0000 0000 8000 C037 | 0.1  | 10  | 7.65",
      })
  void decodesNumbers(
      PointType type, WordOrder order, String registers, double scale, double offset, String want) {
    Point point = point("p", Table.HOLDING, 0, type, order, scale, offset);

    PointReading reading = ValueDecoder.decode(point, registers(registers));

    assertThat(reading.ok()).isTrue();
    assertThat(reading.unit()).isEqualTo("u");
    if (want.contains(".")) {
      assertThat(reading.value()).isInstanceOf(Double.class);
      assertThat((Double) reading.value()).isCloseTo(Double.parseDouble(want), within(1e-9));
    } else {
      assertThat(reading.value()).isEqualTo(Long.parseLong(want));
    }
  }

  @ParameterizedTest(name = "{0} x{1} +{2} reads {3} exactly")
  @CsvSource({
    "0138, 0.1, 0, 31.2",
    "0007, 0.01, 0, 0.07",
    "0258, 0.1, -40, 20.0",
    "0003, 0.1, 0.2, 0.5"
  })
  void scalesIntegersInDecimal(String register, double scale, double offset, double want) {
    Point point = point("p", Table.HOLDING, 0, PointType.UINT16, WordOrder.BIG, scale, offset);

    assertThat(ValueDecoder.decode(point, registers(register)).value()).isEqualTo(want);
  }

  @ParameterizedTest(name = "bit {1} of {0} -> {2}")
  @CsvSource({"8001, 0, true", "8001, 15, true", "8001, 1, false", "0010, 4, true"})
  void decodesOneBitOfARegister(String register, int bit, boolean want) {
    assertThat(ValueDecoder.decode(bit("b", Table.INPUT, 0, bit), registers(register)).value())
        .isEqualTo(want);
  }

  @Test
  void decodesCoilsPackedFromTheLowBit() {
    // coils 20..29: CD 01 -> 1011 0011, then bit 0 of the second byte
    ReadBlock coils = block(Table.COIL, 20, 10, "CD 01");

    assertThat(ValueDecoder.decode(bit("c20", Table.COIL, 20, -1), coils).value()).isEqualTo(true);
    assertThat(ValueDecoder.decode(bit("c21", Table.COIL, 21, -1), coils).value()).isEqualTo(false);
    assertThat(ValueDecoder.decode(bit("c27", Table.COIL, 27, -1), coils).value()).isEqualTo(true);
    assertThat(ValueDecoder.decode(bit("c28", Table.COIL, 28, -1), coils).value()).isEqualTo(true);
    assertThat(ValueDecoder.decode(bit("c29", Table.COIL, 29, -1), coils).value()).isEqualTo(false);
  }

  @ParameterizedTest(name = "[{0}] x{1} -> \"{2}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "4142 4344 2000 | 3 | ABCD",
        "4869 0000 0000 | 3 | Hi",
        "4100           | 1 | A",
        "2041 4220      | 2 | ' AB'",
        "0000           | 1 | ''",
      })
  void decodesStringsHighByteFirstAndTrimsPadding(String registers, int length, String want) {
    Point point = string("s", Table.HOLDING, 0, length);

    assertThat(ValueDecoder.decode(point, registers(registers)).value()).isEqualTo(want);
  }

  @Test
  void decodesAPointInTheMiddleOfABlock() {
    ReadBlock block = block(Table.HOLDING, 100, 4, "0001 0002 0003 0004");

    Point point = point("p", Table.HOLDING, 102, PointType.UINT32, WordOrder.BIG, 1, 0);

    assertThat(ValueDecoder.decode(point, block).value()).isEqualTo(0x0003_0004L);
  }

  @Test
  void keepsAValueOutOfRangeAndMarksIt() {
    PointReading high =
        ValueDecoder.decode(ranged("ph", 0, PointType.UINT16, 0.0, 1400.0), registers("05DC"));
    PointReading inside =
        ValueDecoder.decode(ranged("ph", 0, PointType.UINT16, 0.0, 1400.0), registers("0578"));
    PointReading low =
        ValueDecoder.decode(ranged("t", 0, PointType.INT16, -40.0, null), registers("FFD7"));

    assertThat(high.value()).isEqualTo(1500L);
    assertThat(high.outOfRange()).isTrue();
    assertThat(inside.outOfRange()).isFalse();
    assertThat(low.value()).isEqualTo(-41L);
    assertThat(low.outOfRange()).isTrue();
  }

  @Test
  void marksANotANumberFloatOutOfRangeWhenARangeIsGiven() {
    Point point = ranged("t", 0, PointType.FLOAT32, -40.0, 80.0);

    PointReading reading = ValueDecoder.decode(point, registers("7FC0 0000"));

    assertThat((Double) reading.value()).isNaN();
    assertThat(reading.outOfRange()).isTrue();
  }

  /**
   * The holding table of device-profiles/test/all-types.yaml, which the integration test serves.
   */
  @Test
  void decodesTheAllTypesFixtureAsItsCommentSays() {
    ReadBlock holding =
        registers(
            "FB2E C822 FFFE 1DC0 1DC0 FFFE DEAD BEEF FFFF FFFF FFFF FFFE 4049 0FD0 0FD0 4049"
                + " 4005 BF0A 8B14 5769 0008 5341 4E58 4941 2D31 0258");
    WordOrder big = WordOrder.BIG;
    WordOrder little = WordOrder.LITTLE;

    assertThat(value(point("i16", Table.HOLDING, 0, PointType.INT16, big, 1, 0), holding))
        .isEqualTo(-1234L);
    assertThat(value(point("u16", Table.HOLDING, 1, PointType.UINT16, big, 1, 0), holding))
        .isEqualTo(51234L);
    assertThat(value(point("i32b", Table.HOLDING, 2, PointType.INT32, big, 1, 0), holding))
        .isEqualTo(-123456L);
    assertThat(value(point("i32l", Table.HOLDING, 4, PointType.INT32, little, 1, 0), holding))
        .isEqualTo(-123456L);
    assertThat(value(point("u32", Table.HOLDING, 6, PointType.UINT32, big, 1, 0), holding))
        .isEqualTo(3735928559L);
    assertThat(value(point("i64", Table.HOLDING, 8, PointType.INT64, big, 1, 0), holding))
        .isEqualTo(-2L);
    assertThat((Double) value(point("f", Table.HOLDING, 12, PointType.FLOAT32, big, 1, 0), holding))
        .isCloseTo(3.14159, within(1e-5));
    assertThat(
            (Double) value(point("f", Table.HOLDING, 14, PointType.FLOAT32, little, 1, 0), holding))
        .isCloseTo(3.14159, within(1e-5));
    assertThat(value(point("f64", Table.HOLDING, 16, PointType.FLOAT64, big, 1, 0), holding))
        .isEqualTo(2.718281828459045);
    assertThat(value(bit("flag", Table.HOLDING, 20, 3), holding)).isEqualTo(true);
    assertThat(value(string("label", Table.HOLDING, 21, 4), holding)).isEqualTo("SANXIA-1");
    assertThat(
            (Double) value(point("s", Table.HOLDING, 25, PointType.UINT16, big, 0.1, -40), holding))
        .isCloseTo(20.0, within(1e-9));
  }

  private static Object value(Point point, ReadBlock block) {
    return ValueDecoder.decode(point, block).value();
  }

  private static ReadBlock registers(String hex) {
    byte[] data = Hex.bytes(hex);
    return block(Table.HOLDING, 0, data.length / 2, hex);
  }

  /** A block as a valid response for {@code table} from {@code address} would give it. */
  static ReadBlock block(Table table, int address, int count, String dataHex) {
    byte[] data = Hex.bytes(dataHex);
    byte[] frame = new byte[3 + data.length + 2];
    frame[2] = (byte) data.length;
    System.arraycopy(data, 0, frame, 3, data.length);
    return ReadBlock.fromFrame(new ReadRequest(table, address, count), frame);
  }
}
