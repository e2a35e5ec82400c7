package cn.yichang.edge.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.report.Deadband;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per case: band, value last sent, value now, whether it is sent. */
class DeadbandTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}: {3}")
  @CsvSource({
    // absolute
    "0.05, 7.00, 7.05, false", // on the edge is inside
    "0.05, 7.00, 7.06, true",
    "0.05, 7.00, 6.94, true", // either way
    "0.05, 7.00, 7.00, false",
    "5, 100, 104, false",
    "5, 100, 106, true",
    // zero: any change
    "0, 21.5, 21.5, false",
    "0, 21.5, 21.50001, true",
    // relative to the value last sent
    "2%, 50, 51, false",
    "2%, 50, 51.1, true",
    "2%, -50, -51.1, true",
    "2%, 0, 0, false",
    "2%, 0, 0.001, true", // no percentage of 0 is a band
    // NaN is a value
    "0.05, NaN, NaN, false",
    "0.05, 7.0, NaN, true",
    "0.05, NaN, 7.0, true",
    "2%, NaN, 7.0, true",
  })
  void exceeded(String band, double last, double now, boolean sent) {
    assertThat(Deadband.parse(band).exceeded(last, now)).isEqualTo(sent);
  }

  @ParameterizedTest
  @CsvSource({"0.05, 0.05, false", "2%, 2.0, true", " 2 % , 2.0, true", "0, 0.0, false"})
  void parses(String text, double amount, boolean relative) {
    assertThat(Deadband.parse(text)).isEqualTo(new Deadband(amount, relative));
  }

  @ParameterizedTest
  @CsvSource(
      value = {"abc", "-1", "%", "NaN", "Infinity", "1e400"},
      delimiter = ';')
  void refusesWhatIsNotABand(String text) {
    assertThatThrownBy(() -> Deadband.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadband");
  }
}
