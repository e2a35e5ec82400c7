package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.AsciiLineSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ascii-line parser as a table: what the device sent, what the gateway makes of it. */
class LineParserTest {

  @TempDir Path dir;

  // Real receiver output (checksums as the receiver computed them).
  static final String GGA = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n";
  static final String RMC =
      "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n";
  static final String GGA_VALUES =
      "latitude=48.1173 longitude=11.5166667 fix_quality=1 satellites=8 hdop=0.9 altitude=545.4";

  static Stream<Arguments> gnss() {
    return Stream.of(
        Arguments.of("a GGA sentence", GGA, List.of(GGA_VALUES)),
        Arguments.of(
            "an RMC sentence, knots to m/s",
            RMC,
            List.of("fix_valid=true speed=11.5235456 course=84.4")),
        Arguments.of(
            "southern and western hemispheres",
            nmea("GNGGA,000000,3345.600,S,07030.000,W,2,12,1.1,10.0,M,,M,,"),
            List.of(
                "latitude=-33.76 longitude=-70.5 fix_quality=2 satellites=12 hdop=1.1"
                    + " altitude=10.0")),
        Arguments.of(
            "no fix: empty fields fail alone",
            nmea("GPGGA,000001,,,,,0,00,99.99,,,,,,"),
            List.of(
                "latitude:no value longitude:no value fix_quality=0 satellites=0 hdop=99.99"
                    + " altitude:no value")),
        Arguments.of(
            "a bad checksum", GGA.replace("*47", "*48"), List.of("rejected: checksum error")),
        Arguments.of(
            "a corrupted character",
            GGA.replace("4807", "4817"),
            List.of("rejected: checksum error")),
        Arguments.of("no checksum", "$GPGGA,1,2,3\r\n", List.of("rejected: checksum missing")),
        Arguments.of("sentences of other kinds are skipped", nmea("GPGSV,1,1,00"), List.of()),
        Arguments.of("garbage before the $ is ignored", "\u0000\u00ff~" + GGA, List.of(GGA_VALUES)),
        Arguments.of(
            "a truncated line, then a whole one: the half line fails its checksum",
            GGA.substring(0, 30) + "\r\n" + RMC,
            List.of("rejected: checksum missing", "fix_valid=true speed=11.5235456 course=84.4")),
        Arguments.of(
            "an out-of-range value is kept and marked",
            nmea("GPGGA,000000,4807.038,N,01131.000,E,9,08,0.9,545.4,M,,M,,"),
            List.of(GGA_VALUES.replace("fix_quality=1", "fix_quality=9!"))),
        Arguments.of(
            "not a number",
            nmea("GPGGA,000000,4807.038,N,01131.000,E,1,x8,0.9,545.4,M,,M,,"),
            List.of(GGA_VALUES.replace("satellites=8", "satellites:not a number: \"x8\""))),
        Arguments.of(
            "minutes of 60 or more",
            nmea("GPGGA,000000,4867.038,N,01131.000,E,1,08,0.9,545.4,M,,M,,"),
            List.of(
                GGA_VALUES.replace(
                    "latitude=48.1173", "latitude:minutes of 60 or more: \"4867.038\""))),
        Arguments.of(
            "an overlong line is dropped to its end, the next line is read",
            "$GPGGA," + "9".repeat(500) + "\r\n" + GGA,
            List.of("rejected: overlong line", GGA_VALUES)),
        Arguments.of(
            "an overlong line whose cut falls inside the terminator",
            "$" + "9".repeat(96) + "\r\n" + GGA,
            List.of("rejected: overlong line", GGA_VALUES)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gnss")
  void readsNmeaSentences(String name, String input, List<String> expected) {
    assertThat(feedWhole(Specs.gnss(), input)).containsExactlyElementsOf(expected);
    assertThat(feedByteByByte(Specs.gnss(), input)).containsExactlyElementsOf(expected);
  }

  @Test
  void readsNamedGroupsOfAPolledAnswer() {
    assertThat(
            feedWhole(
                Specs.weather(),
                "0R0,Dm=027D,Sm=3.2M,Ta=-3.6C,Ua=64.2P,Pa=1006.6H,Rc=12.40M,Sr=412.0W\r\n"))
        .containsExactly(
            "wind_direction=27 wind_speed=3.2 air_temperature=-3.6 humidity=64.2"
                + " pressure=1006.6 rain=12.4 solar_radiation=412.0");
    // The answer with an invalid reading ('#') matches no kind of line: skipped, never half read.
    assertThat(feedWhole(Specs.weather(), "0R0,Dm=#D,Sm=3.2M\r\n")).isEmpty();
  }

  @Test
  void aLineWithoutTheFieldFailsThatField() {
    AsciiLineSpec spec =
        Specs.inline(
                dir,
                """
                protocol: ascii-line
                terminator: "\\n"
                delimiter: ";"
                lines:
                  - fields:
                      - {name: a, index: 0, type: int64, scale: 0.1}
                      - {name: b, index: 3, type: string}
                      - {name: c, index: 1, type: bool, true-value: ON}
                """)
            .spec(AsciiLineSpec.class);
    assertThat(feedWhole(spec, "312;ON\n17;off;x;y\n"))
        .containsExactly("a=31.2 b:no field 3 c=true", "a=1.7 b=y c=false");
  }

  static String nmea(String body) {
    int x = 0;
    for (char c : body.toCharArray()) {
      x ^= c;
    }
    return "$" + body + String.format("*%02X\r\n", x);
  }

  static List<String> feedWhole(AsciiLineSpec spec, String input) {
    LineParser p = new LineParser(spec);
    Recorder r = new Recorder();
    byte[] b = input.getBytes(StandardCharsets.ISO_8859_1);
    p.feed(b, 0, b.length, r);
    return r.events;
  }

  static List<String> feedByteByByte(AsciiLineSpec spec, String input) {
    LineParser p = new LineParser(spec);
    Recorder r = new Recorder();
    for (byte b : input.getBytes(StandardCharsets.ISO_8859_1)) {
      p.feed(new byte[] {b}, 0, 1, r);
      assertThat(p.buffered()).isLessThanOrEqualTo(p.capacity());
    }
    return r.events;
  }
}
