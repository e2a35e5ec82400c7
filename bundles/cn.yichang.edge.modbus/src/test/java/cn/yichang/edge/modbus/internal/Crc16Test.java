package cn.yichang.edge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc16Test {

  /** Frame without CRC, CRC bytes as sent (low byte first); vectors from the Modbus specs. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "01 03 00 00 00 0A, C5 CD",
    "11 03 00 6B 00 03, 76 87",
    "11 01 00 13 00 25, 0E 84",
    "11 01 05 CD 6B B2 0E 1B, 45 E6",
    "11 03 06 AE 41 56 52 43 40, 49 AD",
    "01 83 02, C0 F1",
    "01 06 00 01 00 03, 98 0B",
  })
  void appendsTheCrcLowByteFirst(String body, String crc) {
    byte[] frame = Crc16.append(Hex.bytes(body));

    assertThat(Hex.of(frame)).isEqualTo(body + " " + crc);
    assertThat(Crc16.valid(frame)).isTrue();
  }

  @Test
  void matchesTheCatalogueCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(Crc16.of(check, 0, check.length)).isEqualTo(0x4B37);
  }

  @Test
  void rejectsAFrameWithAFlippedBit() {
    byte[] frame = Hex.bytes("01 03 00 00 00 0A C5 CD");
    frame[3] ^= 0x10;

    assertThat(Crc16.valid(frame)).isFalse();
    assertThat(Crc16.valid(Hex.bytes("01 03"))).isFalse();
  }
}
