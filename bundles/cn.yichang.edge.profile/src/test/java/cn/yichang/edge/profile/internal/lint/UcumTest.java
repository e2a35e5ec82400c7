package cn.yichang.edge.profile.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UcumTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cel",
        "%",
        "uS/cm",
        "mS/cm",
        "mV",
        "[pH]",
        "uT",
        "V",
        "/min",
        "s",
        "mg/L",
        "mg/l",
        "mg/kg",
        "m/s",
        "deg",
        "kPa",
        "hPa",
        "mbar",
        "mm",
        "W/m2",
        "lx",
        "[ppm]",
        "[ppth]",
        "{NTU}",
        "ug/L",
        "kOhm.cm",
        "m3/h",
        "km/h",
        "kW.h",
        "10*3/uL",
        "{cells}/mL",
        "mg{N}/L",
        "cm",
        "dB",
        "(m/s)/s",
        "s-1",
        "m.s-2",
        "mm[Hg]",
        "kg/m3",
        "A",
        "mA",
        "Hz",
        "h",
        "d",
        "[degF]",
        "By"
      })
  void acceptsCodesWeUse(String code) {
    assertThat(Ucum.problem(code)).as(code).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ppm        | \"ppm\" is not a UCUM code; write \"[ppm]\"",
        "NTU        | \"NTU\" is not a UCUM code; write \"{NTU}\"",
        "[NTU]      | \"[NTU]\" is not a UCUM code; write \"{NTU}\"",
        "°C         | \"°C\" is not a UCUM code; write \"Cel\"",
        "%RH        | \"%RH\" is not a UCUM code; write \"%\"",
        "lux        | \"lux\" is not a UCUM code; write \"lx\"",
        "bpm        | \"bpm\" is not a UCUM code; write \"/min\"",
        "mg / L     | \"mg / L\" is not a UCUM code: unknown unit \"mg \"",
        "furlong    | \"furlong\" is not a UCUM code: unknown unit \"furlong\"",
        "kmin       | \"kmin\" is not a UCUM code: unknown unit \"kmin\"",
        "m/         | \"m/\" is not a UCUM code: a unit is missing at the end",
        "(m/s       | \"(m/s\" is not a UCUM code: unclosed \"(\"",
        "{NTU       | \"{NTU\" is not a UCUM code: unclosed \"{\"",
        "[ppm       | \"[ppm\" is not a UCUM code: unclosed \"[\"",
        "10*        | \"10*\" is not a UCUM code: \"10*\" needs an exponent",
        "m)         | \"m)\" is not a UCUM code: unexpected \")\" at 2",
      })
  void rejectsWhatIsNotUcumAndSaysWhatToWrite(String code, String message) {
    assertThat(Ucum.problem(code)).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"us/cm", "ms/cm", "C"})
  void flagsValidCodesThatAreUsuallyMisspellings(String code) {
    assertThat(Ucum.problem(code)).isEmpty();
    assertThat(Ucum.suspicious(code)).get().asString().contains("did you mean");
  }
}
