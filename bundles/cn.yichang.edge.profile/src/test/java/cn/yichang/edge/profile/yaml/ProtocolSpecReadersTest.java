package cn.yichang.edge.profile.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.AsciiLineSpec.LineField;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.FrameChecksum;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.FramedSpec.FrameField;
import cn.yichang.edge.profile.ProfileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ascii-line and framed profile readers: shipped profiles, and broken ones with their lines.
 */
class ProtocolSpecReadersTest {

  private static final Path SHIPPED = Path.of("../../device-profiles");

  private static final String ASCII =
      """
      id: t/p
      manufacturer: M
      model: X
      protocol: ascii-line
      """;

  private static final String FRAMED =
      """
      id: t/p
      manufacturer: M
      model: X
      protocol: framed
      header: "AA 55"
      length: {at: 2, counts: data}
      checksum: {type: xor8}
      """;

  @TempDir Path dir;

  @Test
  void readsTheShippedGnssReceiver() throws Exception {
    DeviceProfile p =
        ProfileReader.read(
            SHIPPED.resolve("elderly-care/gnss-nmea.yaml"), "elderly-care/gnss-nmea");
    AsciiLineSpec s = p.spec(AsciiLineSpec.class);

    assertThat(s.streams()).isTrue();
    assertThat(s.command()).isNull();
    assertThat(s.terminator()).isEqualTo("\r\n");
    assertThat(s.checksum()).isEqualTo(AsciiLineSpec.LineChecksum.NMEA);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.lines()).hasSize(2);
    assertThat(s.lines().get(0).accepts("$GNGGA,1,2")).isTrue();
    assertThat(s.lines().get(0).accepts("$GNRMC,1,2")).isFalse();
    assertThat(s.lines().get(0).fields())
        .extracting(LineField::name, LineField::index, LineField::type, LineField::hemisphereIndex)
        .startsWith(
            tuple("latitude", 2, AsciiLineSpec.FieldType.DEGREES_MINUTES, 3),
            tuple("longitude", 4, AsciiLineSpec.FieldType.DEGREES_MINUTES, 5));
    assertThat(s.pointNames())
        .containsExactly(
            "latitude",
            "longitude",
            "fix_quality",
            "satellites",
            "hdop",
            "altitude",
            "fix_valid",
            "speed",
            "course");
  }

  @Test
  void readsThePolledWeatherStationWithEscapesInSingleQuotes() throws Exception {
    AsciiLineSpec s =
        ProfileReader.read(
                SHIPPED.resolve("agriculture/weather-ascii.yaml"), "agriculture/weather-ascii")
            .spec(AsciiLineSpec.class);

    assertThat(s.streams()).isFalse();
    assertThat(s.command()).isEqualTo("0R0\r\n");
    assertThat(s.lines().get(0).fields().get(0).group()).isEqualTo("dir");
  }

  @Test
  void readsTheShippedRadar() throws Exception {
    DeviceProfile p =
        ProfileReader.read(
            SHIPPED.resolve("elderly-care/mmwave-fall-radar.yaml"),
            "elderly-care/mmwave-fall-radar");
    FramedSpec s = p.spec(FramedSpec.class);

    assertThat(p.points()).isEmpty();
    assertThat(s.streams()).isFalse();
    assertThat(s.header()).containsExactly(0x53, 0x59);
    assertThat(s.trailer()).containsExactly(0x54, 0x43);
    assertThat(s.checksum()).isEqualTo(FrameChecksum.SUM8);
    assertThat(s.length())
        .isEqualTo(
            new FramedSpec.LengthField(2 + 2, 2, FramedSpec.ByteOrder.BIG, FramedSpec.Counts.DATA));
    assertThat(s.frameLength(8)).isEqualTo(17);
    assertThat(HexFormat.of().formatHex(s.request())).isEqualTo("5359808f00010fcb5443");
    assertThat(s.fields())
        .extracting(FrameField::name, FrameField::at, FrameField::bit, FrameField::bits)
        .contains(tuple("fall", 6, 1, 0), tuple("motion", 6, 4, 2), tuple("distance", 8, -1, 0));
  }

  @Test
  void checksumsMatchTheirPublishedCheckValues() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(hex(FrameChecksum.CRC16_MODBUS.compute(check, 0, 9))).isEqualTo("374b");
    assertThat(hex(FrameChecksum.CRC16_CCITT.compute(check, 0, 9))).isEqualTo("29b1");
    assertThat(hex(FrameChecksum.SUM8.compute(check, 0, 9))).isEqualTo("dd");
    assertThat(hex(FrameChecksum.XOR8.compute(check, 0, 9))).isEqualTo("31");
    // The published presence query of the 24/60 GHz radars: 53 59 80 81 00 01 0F BD 54 43.
    assertThat(hex(FrameChecksum.SUM8.compute(HexFormat.of().parseHex("5359808100010f"), 0, 7)))
        .isEqualTo("bd");
  }

  static Stream<Arguments> brokenProfiles() {
    return Stream.of(
        Arguments.of(ASCII + "lines:\n", "5: lines: needs at least one kind of line"),
        Arguments.of(ASCII, "1: lines: missing (required)"),
        Arguments.of(
            ASCII + "terminator: '\\q'\nlines:\n  - fields: [{name: a, index: 1, type: int64}]\n",
            "5: terminator: unknown escape \\q"),
        Arguments.of(
            ASCII + "lines:\n  - {match: 'a(', fields: [{name: a, index: 1, type: int64}]}\n",
            "6: lines[0].match: not a regular expression"),
        Arguments.of(
            ASCII
                + "lines:\n  - {match: a, fields: [{name: a, index: 1, type: int64}]}\n"
                + "  - fields: [{name: b, index: 1, type: int64}]\n",
            "7: lines[1].match: missing: with several kinds of line"),
        Arguments.of(
            ASCII + "lines:\n  - fields:\n      - {name: a, type: int64}\n",
            "7: lines[0].fields[0].index: give either index"),
        Arguments.of(
            ASCII
                + "lines:\n  - match: 'x=(?<x>\\d+)'\n    fields:\n      - {name: a, group: y, type: int64}\n",
            "8: lines[0].fields[0].group: \"y\" is not a named group of this line's match (it has x)"),
        Arguments.of(
            ASCII + "lines:\n  - fields:\n      - {name: a, index: 1, type: bool, scale: 2}\n",
            "7: lines[0].fields[0].scale: a bool has no scale"),
        Arguments.of(
            ASCII
                + "lines:\n  - fields:\n      - {name: a, index: 1, type: float64, min: 5, max: 1}\n",
            "7: lines[0].fields[0].min: min 5.0 is greater than max 1.0"),
        Arguments.of(
            ASCII
                + "lines:\n  - fields:\n      - {name: a, index: 1, type: int64, hemisphere: 2}\n",
            "7: lines[0].fields[0].hemisphere: only for type degrees-minutes"),
        Arguments.of(
            ASCII
                + "lines:\n  - fields:\n      - {name: a, index: 1, type: int64}\n"
                + "      - {name: a, index: 2, type: int64}\n",
            "8: lines[0].fields[1].name: duplicate field name \"a\" (first at line 7)"),
        Arguments.of(
            ASCII + "lines:\n  - fields:\n      - {name: a, index: 1, type: int64, colour: red}\n",
            "7: lines[0].fields[0].colour: unknown key"),
        Arguments.of(
            ASCII + "max-length: 100000\nlines:\n  - fields: [{name: a, index: 1, type: int64}]\n",
            "5: max-length: 100000 is out of range 8..4096"),
        Arguments.of(FRAMED, "1: fields: missing (required)"),
        Arguments.of(
            FRAMED.replace("header: \"AA 55\"", "header: \"AA 5\"")
                + "fields: [{name: a, at: 3, type: uint8}]\n",
            "5: header: \"AA 5\" is not hex bytes"),
        Arguments.of(
            FRAMED.replace("length: {at: 2, counts: data}\n", "")
                + "fields: [{name: a, at: 3, type: uint8}]\n",
            "1: length: give either length (a length field) or frame-length"),
        Arguments.of(
            FRAMED.replace("at: 2", "at: 1") + "fields: [{name: a, at: 3, type: uint8}]\n",
            "6: length: the length field overlaps the header"),
        Arguments.of(
            FRAMED.replace("length: {at: 2, counts: data}", "frame-length: 2")
                + "fields: [{name: a, at: 0, type: uint8}]\n",
            "6: frame-length: 2 leaves no room for the header, checksum and trailer (3 bytes)"),
        Arguments.of(
            FRAMED.replace("xor8", "crc32") + "fields: [{name: a, at: 3, type: uint8}]\n",
            "7: checksum.type: expected one of sum8, xor8, crc16-modbus, crc16-ccitt, got \"crc32\""),
        Arguments.of(
            FRAMED + "fields:\n  - {name: a, at: 3, type: bool, scale: 0.5}\n",
            "9: fields[0].scale: a bool has no scale"),
        Arguments.of(
            FRAMED + "fields:\n  - {name: a, at: 3, type: uint8, bit: 6, bits: 3}\n",
            "9: fields[0].bits: bits 6..8 pass the uint8"),
        Arguments.of(
            FRAMED + "fields:\n  - {name: a, at: 3, type: float32, bit: 1}\n",
            "9: fields[0].bit: only for a bool or an integer bit field"),
        Arguments.of(
            FRAMED + "fields:\n  - {name: a, at: 3, type: string}\n",
            "9: fields[0].length: missing: a string needs its length in bytes"),
        Arguments.of(
            FRAMED + "fields:\n  - {name: a, at: 3, type: int16, min: 3, max: 2}\n",
            "9: fields[0].min: min 3.0 is greater than max 2.0"),
        Arguments.of(
            FRAMED + "max-length: 16\nfields:\n  - {name: a, at: 15, type: int16}\n",
            "10: fields[0].at: the field's 2 bytes from 15 pass max-length 16"),
        Arguments.of(
            FRAMED + "request: \"AA 55 01 10 44\"\nfields:\n  - {name: a, at: 3, type: uint8}\n",
            "8: request: AA 55 01 10 44: wrong xor8 checksum, expected EE"),
        Arguments.of(
            FRAMED + "request: \"AA 55 02 10 45\"\nfields:\n  - {name: a, at: 3, type: uint8}\n",
            "8: request: AA 55 02 10 45: its length field says 6 bytes, it has 5"));
  }

  @ParameterizedTest
  @MethodSource("brokenProfiles")
  void reportsEachProblemWithItsLineAndField(String yaml, String expected) throws Exception {
    assertThat(problems(yaml)).anyMatch(p -> p.startsWith(expected));
  }

  @Test
  void aValidRequestPassesTheChecks() throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(
        file,
        FRAMED
            + "request: \"AA 55 01 10 44\"\nfields:\n  - {name: a, at: 3, type: uint8}\n"
                .replace("44", "EE"));
    FramedSpec s = ProfileReader.read(file, "t/p").spec(FramedSpec.class);
    assertThat(s.request()).hasSize(5);
    assertThat(s.pointNames()).containsExactly("a");
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private List<String> problems(String yaml) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> ProfileReader.read(file, "t/p"));
    assertThat(e).as("expected problems in\n" + yaml).isNotNull();
    return e.problems().stream()
        .map(p -> p.line() + ": " + p.field() + ": " + p.message())
        .toList();
  }
}
