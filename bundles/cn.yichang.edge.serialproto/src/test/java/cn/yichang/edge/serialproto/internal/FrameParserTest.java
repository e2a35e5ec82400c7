package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.FrameChecksum;
import cn.yichang.edge.profile.FramedSpec;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The framed parser as a table of hex: what the radar sent, what the gateway makes of it. */
class FrameParserTest {

  @TempDir Path dir;

  /** Status answer: present, still, movement 12, 1.85 m, 72/min, 16/min, 3 falls. */
  static final String STATUS = radar("80 8F", "11 0C 00 B9 48 10 00 03");

  static final String STATUS_VALUES =
      "presence=true fall=false still_alarm=false motion=1 movement=12 distance=1.85"
          + " heart_rate=72 breathing_rate=16 falls=3";

  static Stream<Arguments> radarFrames() {
    return Stream.of(
        Arguments.of("a status answer", STATUS, List.of(STATUS_VALUES)),
        Arguments.of(
            "a fall, moving, bit fields",
            radar("80 8F", "23 50 01 2C 00 00 00 04"),
            List.of(
                "presence=true fall=true still_alarm=false motion=2 movement=80 distance=3.0"
                    + " heart_rate=0 breathing_rate=0 falls=4")),
        Arguments.of("an unsolicited presence report is skipped", radar("80 01", "01"), List.of()),
        Arguments.of("a bad checksum", flip(STATUS, 14), List.of("rejected: checksum error")),
        Arguments.of(
            "a bad trailer",
            STATUS.substring(0, STATUS.length() - 2) + "44",
            List.of("rejected: bad trailer")),
        Arguments.of(
            "a length beyond max-length, then a good frame: resynchronised",
            "53 59 80 8F 01 00 " + STATUS,
            List.of("rejected: bad length", STATUS_VALUES)),
        Arguments.of(
            "garbage between frames is skipped without a word",
            "00 FF 54 43 12 " + STATUS + " 59 53 00 " + STATUS,
            List.of(STATUS_VALUES, STATUS_VALUES)),
        Arguments.of(
            "a truncated frame, then a good one: found again inside the bad one",
            STATUS.substring(0, 3 * 9) + STATUS,
            List.of("rejected: bad trailer", STATUS_VALUES)),
        Arguments.of(
            "a header alone at the end waits for the rest",
            STATUS + " 53 59 80",
            List.of(STATUS_VALUES)),
        Arguments.of(
            "a short status frame fails the fields it lacks",
            radar("80 8F", "11 0C"),
            List.of(
                "presence=true fall=false still_alarm=false motion=1 movement=12"
                    + " distance:short frame heart_rate:short frame breathing_rate:short frame"
                    + " falls:short frame")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("radarFrames")
  void readsRadarFrames(String name, String hex, List<String> expected) {
    assertThat(feed(Specs.radar(), bytes(hex), 1000)).containsExactlyElementsOf(expected);
    assertThat(feed(Specs.radar(), bytes(hex), 1)).containsExactlyElementsOf(expected);
    assertThat(feed(Specs.radar(), bytes(hex), 5)).containsExactlyElementsOf(expected);
  }

  @Test
  void readsEveryTypeInBothByteOrdersWithCrc16ModbusAndFixedLength() {
    FramedSpec spec =
        Specs.inline(
                dir,
                """
                protocol: framed
                header: "7E"
                frame-length: 28
                checksum: {type: crc16-modbus, from: 1}
                byte-order: little
                fields:
                  - {name: i8, at: 1, type: int8}
                  - {name: u16, at: 2, type: uint16}
                  - {name: i16be, at: 4, type: int16, order: big}
                  - {name: i32, at: 6, type: int32, scale: 0.1}
                  - {name: f32, at: 10, type: float32}
                  - {name: u32, at: 14, type: uint32}
                  - {name: s, at: 18, type: string, length: 4}
                  - {name: flag, at: 22, type: bool}
                  - {name: nibble, at: 23, type: uint16, bit: 4, bits: 4}
                  - {name: fixed, at: 25, type: uint8, offset: -40}
                """)
            .spec(FramedSpec.class);
    String body = "7E FE 34 12 FF FE 2E FB FF FF 00 00 C0 3F FF FF FF FF 41 42 00 00 01 F0 00 41";
    byte[] noCrc = bytes(body);
    byte[] crc = FrameChecksum.CRC16_MODBUS.compute(noCrc, 1, noCrc.length);
    String frame = body + " " + HexFormat.ofDelimiter(" ").formatHex(crc);
    assertThat(feed(spec, bytes(frame), 3))
        .containsExactly(
            "i8=-2 u16=4660 i16be=-2 i32=-123.4 f32=1.5 u32=4294967295 s=AB flag=true"
                + " nibble=15 fixed=25.0");
  }

  @Test
  void crc16CcittAndLengthCountingTheWholeFrame() {
    FramedSpec spec =
        Specs.inline(
                dir,
                """
                protocol: framed
                header: "AA"
                trailer: "55"
                length: {at: 1, counts: frame}
                checksum: {type: crc16-ccitt, from: 1}
                fields:
                  - {name: v, at: 2, type: uint16}
                """)
            .spec(FramedSpec.class);
    byte[] head = bytes("AA 07 01 02");
    byte[] crc = FrameChecksum.CRC16_CCITT.compute(head, 1, head.length);
    String frame = "AA 07 01 02 " + HexFormat.ofDelimiter(" ").formatHex(crc) + " 55";
    assertThat(feed(spec, bytes(frame), 2)).containsExactly("v=258");
    assertThat(feed(spec, bytes(flip(frame, 3)), 2)).containsExactly("rejected: checksum error");
  }

  /** A radar frame: header, control and command, data length, data, sum8, trailer. */
  static String radar(String controlCommand, String data) {
    byte[] d = bytes(data);
    String head =
        "53 59 "
            + controlCommand
            + String.format(" %02X %02X ", d.length >> 8, d.length & 0xFF)
            + data;
    byte[] h = bytes(head);
    byte[] sum = FrameChecksum.SUM8.compute(h, 0, h.length);
    return head + String.format(" %02X", sum[0] & 0xFF) + " 54 43";
  }

  /** The hex with one bit of byte {@code index} flipped. */
  static String flip(String hex, int index) {
    byte[] b = bytes(hex);
    b[index] ^= 0x01;
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static List<String> feed(FramedSpec spec, byte[] input, int chunk) {
    FrameParser p = new FrameParser(spec);
    Recorder r = new Recorder();
    for (int i = 0; i < input.length; i += chunk) {
      p.feed(input, i, Math.min(chunk, input.length - i), r);
      assertThat(p.buffered()).isLessThanOrEqualTo(p.capacity());
    }
    return r.events;
  }
}
