package cn.yichang.edge.sim;

import static cn.yichang.edge.sim.RtuFrames.hex;
import static cn.yichang.edge.sim.RtuFrames.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtuFramesTest {

  /** Frames from the Modbus over serial line guide and Simply Modbus, CRCs cross-checked. */
  @ParameterizedTest(name = "{0} -> crc {1}")
  @CsvSource({
    "01 03 00 00 00 02,                 c4 0b",
    "11 03 00 6b 00 03,                 76 87",
    "01 03 04 00 7b ff ff,              8b 9a",
    "01 06 00 01 00 03,                 98 0b",
    "11 10 00 01 00 02 04 00 0a 01 02,  c6 f0",
    "11 01 00 13 00 25,                 0e 84",
    "11 05 00 ac ff 00,                 4e 8b",
    "11 0f 00 13 00 0a 02 cd 01,        bf 0b",
    "11 04 00 08 00 01,                 b2 98",
    "01 83 02,                          c0 f1",
  })
  void appendsCrcLowByteFirst(String body, String crc) {
    byte[] frame = RtuFrames.withCrc(unhex(body));

    assertThat(hex(frame)).isEqualTo(body.trim() + " " + crc.trim());
    assertThat(RtuFrames.crcValid(frame, frame.length)).isTrue();
  }

  @ParameterizedTest(name = "{0} invalid")
  @CsvSource({"01 03 00 00 00 02 c4 0c", "01 03 00 00 00 02 0b c4", "01 03 00", "01"})
  void rejectsWrongOrShortCrc(String frame) {
    byte[] bytes = unhex(frame);

    assertThat(RtuFrames.crcValid(bytes, bytes.length)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "01,                         -1",
    "01 01,                       8",
    "01 02,                       8",
    "01 03,                       8",
    "01 04,                       8",
    "01 05,                       8",
    "01 06,                       8",
    "01 0f 00 00 00,             -1",
    "01 0f 00 00 00 0a 02,       11",
    "01 10 00 00 00 02 04,       13",
    "01 10 00 00 00 7b f6,      255",
    "01 07,                      -2",
    "01 2b 0e,                   -2",
  })
  void knowsRequestLengthFromFunctionCode(String start, int length) {
    byte[] bytes = unhex(start);

    assertThat(RtuFrames.requestLength(bytes, bytes.length)).isEqualTo(length);
  }
}
