package cn.yichang.edge.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollutantsTest {

  /** A point's value and unit, its code, and what the packet says (- when refused). */
  @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          7.2149   | [pH]   | w01001 | 7.21
          7.2      |        | w01001 | 7.2
          8.456    | mg/L   | w01009 | 8.5
          1.425    | mS/cm  | w01014 | 1425
          1425     | uS/cm  | w01014 | 1425
          293.15   | K      | w01010 | 20
          21.55    | Cel    | w01010 | 21.6
          0.0905   | mg/L   | w21003 | 0.09
          90.5     | ug/L   | w21003 | 0.09
          13.1     | {NTU}  | w01003 | 13.1
          36       | m3/h   | w00000 | 10
          20       | Cel    | w01009 | -
          5        | mV     | w01001 | -
          5        |        | w01009 | -
          -0.001   | Cel    | w01010 | 0
          3.14159  | x      | w99999 | 3.142
          """)
  void aPointsValueIsConvertedToItsCodesUnitOrRefused(
      double value, String unit, String code, String expected) {
    Pollutant p = Pollutants.of(code).orElse(Pollutants.unknown(code));
    String sent = UnitConversion.of(unit, p).map(c -> p.format(c.applyAsDouble(value))).orElse("-");
    assertThat(sent).isEqualTo(expected);
  }
}
